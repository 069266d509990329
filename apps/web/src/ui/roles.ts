// What the interface offers by role; the API decides in the end.
import type { Role } from '@cadence/names';

export { ROLES, type Role } from '@cadence/names';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, manager: 2, owner: 3 };

export const roleAtLeast = (role: Role, minimum: Role) => RANK[role] >= RANK[minimum];
