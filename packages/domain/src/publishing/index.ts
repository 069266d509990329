export { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from '@cadence/jobs/backoff';
export { type AdapterCapabilities, decideAfterFailure, type FailureDecision } from './decide-after-failure';
export {
  classifyHttpStatus,
  type Failure,
  type FailureKind,
  failure,
  parseRetryAfter,
  toFailure,
} from './failure';
export { type DerivedPostStatus, derivePostStatus, type TargetStatus } from './post-status';
export { checkBeforeSend, type SendCheckInput, type SendVerdict } from './send-checks';
