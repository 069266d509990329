import type { Role } from './roles';

/** Who acts in a workspace: a person (userId) or an API client (tokenId), with a role there. */
export interface Actor {
  workspaceId: string;
  workspaceTimezone: string;
  role: Role;
  userId: string | null;
  tokenId: string | null;
  requestId?: string;
}
