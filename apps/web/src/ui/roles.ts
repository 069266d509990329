// Mirrors @cadence/domain's role order for what the interface offers; the API decides in the end.
export const ROLES = ['owner', 'manager', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, manager: 2, owner: 3 };

export const roleAtLeast = (role: Role, minimum: Role) => RANK[role] >= RANK[minimum];
