import type { Role } from './roles';

/** Who acts in a workspace: a person (userId) or an API client (tokenId), with a role there. */
export interface Actor {
  workspaceId: string;
  workspaceTimezone: string;
  /** For a token: the lower of the token's role and its creator's current role. */
  role: Role;
  userId: string | null;
  tokenId: string | null;
  /**
   * The person answerable for the action: the signed-in user, or the creator of the token. A
   * token's posts are that person's, so four-eyes rules see through the token.
   */
  personId?: string | null;
  requestId?: string;
}

/** The person behind an actor (the token's creator for an API client), null when unknown. */
export const personOf = (actor: Actor): string | null => actor.personId ?? actor.userId;
