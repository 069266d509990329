// Caps on what one person can pile up. Each is far above a real team's use and low enough that a
// script cannot grow tables without bound. Exceeding one answers 422 `limit_reached`.
export const LIMITS = {
  /** Live (unrevoked) API tokens one person has created in one workspace. */
  apiTokensPerPerson: 25,
  /** Live calendar feeds one person has created in one workspace. */
  icsFeedsPerPerson: 25,
  /** Workspaces one person owns. */
  ownedWorkspacesPerPerson: 20,
  /** Open invitations of one workspace. */
  openInvitationsPerWorkspace: 100,
} as const;

export type LimitName = keyof typeof LIMITS;
