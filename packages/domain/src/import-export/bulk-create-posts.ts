// Creates many posts in one request, each on its own: an invalid item, or one naming a channel of
// another workspace, fails alone and is reported at its index; the others are created.
import type { Actor } from '../accounts/actor';
import { AppError } from '../errors';
import { createPost } from '../posts/create-post';
import type { BulkDeps } from '../posts/deps';
import { parseInput } from '../posts/parse-input';
import { type PostStatus, postCreateSchema } from '../posts/schemas';
import { yieldToEventLoop } from './yield-to-event-loop';

export type ItemOutcome =
  | { index: number; ok: true; post: { id: string; status: PostStatus; version: number } }
  | { index: number; ok: false; error: { code: string; message: string; details?: unknown } };

// A few at a time: enough to overlap round trips on a pool, not enough to starve other requests;
// one at a time inside a single open transaction (see BulkDeps).
const CONCURRENCY = 4;

export async function bulkCreatePosts(
  deps: BulkDeps,
  actor: Actor,
  items: readonly unknown[],
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = new Array(items.length);
  let next = 0;
  async function worker() {
    for (let index = next++; index < items.length; index = next++) {
      outcomes[index] = await createOne(deps, actor, items[index], index);
      // Between items, other requests and the publisher's timers get their turn.
      await yieldToEventLoop();
    }
  }
  await Promise.all(Array.from({ length: Math.min(deps.itemsAtOnce ?? CONCURRENCY, items.length) }, worker));
  return outcomes;
}

async function createOne(deps: BulkDeps, actor: Actor, item: unknown, index: number): Promise<ItemOutcome> {
  try {
    // Validated here first so field names point into the request: body.items.3.targets.
    const input = parseInput(postCreateSchema, item, `body.items.${index}`);
    const post = await createPost({ db: deps.db, clock: deps.clock }, actor, input);
    return { index, ok: true, post: { id: post.id, status: post.status, version: post.version } };
  } catch (err) {
    if (err instanceof AppError) {
      return { index, ok: false, error: { code: err.code, message: err.message, details: err.details } };
    }
    deps.onUnexpected?.(index, err);
    return { index, ok: false, error: { code: 'internal', message: 'Internal error' } };
  }
}
