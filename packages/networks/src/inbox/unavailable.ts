// A refusal that reconnecting or retrying cannot cure: the network wants a plan or an enrolment
// the workspace has to arrange with it (X's mentions need a paid API tier). The sync records the
// reason by code, so people read it in their language, and stops asking until a day later.
import type { InboxUnavailableReason } from '@cadence/names';
import { NetworkError } from '../errors';

export class InboxUnavailableError extends NetworkError {
  readonly unavailable: InboxUnavailableReason;
  constructor(unavailable: InboxUnavailableReason, reason: string) {
    super('permanent', reason);
    this.name = 'InboxUnavailableError';
    this.unavailable = unavailable;
  }
}
