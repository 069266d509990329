// The one writer of `post_targets`: every change of a target's state goes through one of these
// named transitions, each guarded in its SQL by the status it starts from and, where a worker holds
// the target, by its lease owner. Used by the use cases (a person's workflow) and by the publisher
// (claim, send, outcome, hand back). A test fails if any other file writes the table.
export { logAttempts, type AttemptLogRow } from './target-ledger/attempt-log';
export { claimDue, releaseClaims, type ClaimedTarget } from './target-ledger/claim';
export { handBack, queueReconciliation } from './target-ledger/hand-back';
export { markSending, unmarkSending } from './target-ledger/mark-sending';
export { confirm, type Confirmation, RETRYABLE, retry } from './target-ledger/person';
export {
  type LedgerChange,
  recordOutcomes,
  recordOutcomesLockingPosts,
  settleClaimed,
  settleUnknown,
} from './target-ledger/record-outcome';
export { cancel, MOVABLE, reschedule, rescheduleMany, unschedule } from './target-ledger/schedule';
export { rowsOf, uuidList } from './target-ledger/sql';
export { addTargets, type NewTarget, removeTargets, setOverrides } from './target-ledger/targets';
