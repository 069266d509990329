// The answer to a claimed key, written in the same held transaction just before it commits: the
// client never reads an answer whose effect and key are not both durable.
import { idempotencyKeys } from '@cadence/db';
import { eq } from 'drizzle-orm';
import type { IdempotencyDeps } from './claim-key';

export async function recordIdempotentResponse(
  deps: Pick<IdempotencyDeps, 'tx' | 'clock'>,
  claim: { id: string },
  response: { status: number; body: string; headers: Record<string, string> },
): Promise<void> {
  await deps.tx
    .update(idempotencyKeys)
    .set({
      state: 'completed',
      responseStatus: response.status,
      responseBody: response.body,
      responseHeaders: response.headers,
      completedAt: deps.clock(),
    })
    .where(eq(idempotencyKeys.id, claim.id));
}
