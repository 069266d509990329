import { ROLES } from '@cadence/names';
import { z } from 'zod';

export { ROLES };
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const RANK: Record<Role, number> = { viewer: 0, editor: 1, manager: 2, owner: 3 };

/** Roles are ordered: an owner can do all a manager can, a manager all an editor can, and so on. */
export const roleAtLeast = (role: Role, minimum: Role) => RANK[role] >= RANK[minimum];

/** The lower of two roles: what a token may do when its creator's role has since dropped. */
export const lowerRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);
