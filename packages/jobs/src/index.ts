export { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
export {
  type ClaimedJob,
  claimJobs,
  completeJob,
  type EnqueueOptions,
  enqueueJob,
  enqueueJobs,
  failJob,
  handBackJobs,
  renewLeases,
  sweepFinishedJobs,
} from './queue';
export {
  createJobRunner,
  DEFAULT_RUNNER_OPTIONS,
  type JobContext,
  type JobKind,
  type JobRunner,
  PermanentJobError,
  RetryLaterJobError,
  type RunnerLogger,
  type RunnerOptions,
} from './runner';
export { beat, goneWorkers, type WorkerState } from './workers';
