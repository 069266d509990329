// What the bulk workflow steps (schedule, approve) share: the request and answer shapes, and an
// item's success or refusal. An item that fails (bad input, stale version, a charter block) is
// reported at its index and the others go through, each judged by the single call's own rules.
import { z } from 'zod';
import type { Role } from '../accounts/roles';
import { AppError, sayError } from '../errors';
import { parseInput } from './parse-input';
import { type PostView, sendLimitWarningSchema } from './schemas';
import { assertRole, type PostAction } from './workflow';

/** One request moves at most this many posts (as bulk create). */
export const MAX_BULK_TRANSITIONS = 500;

export const bulkTransitionSchema = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BULK_TRANSITIONS, `at most ${MAX_BULK_TRANSITIONS} posts per request`)
    .describe('Each item is { postId, ...the single-post body }; checked one by one'),
});

export const bulkTransitionResultSchema = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      postId: z.string().nullable(),
      /** The HTTP status this item would have had on its own. */
      status: z.number().int(),
      post: z
        .object({
          id: z.uuid(),
          status: z.string(),
          version: z.number().int(),
          scheduledAt: z.date().nullable(),
          sendLimitWarnings: z.array(sendLimitWarningSchema).optional(),
        })
        .optional(),
      error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
    }),
  ),
});

export type BulkItemOutcome =
  | {
      index: number;
      postId: string;
      ok: true;
      post: Pick<PostView, 'id' | 'status' | 'version' | 'sendLimitWarnings'> & { scheduledAt: Date | null };
    }
  | {
      index: number;
      postId: string | null;
      ok: false;
      /** Worded for the reader at the edge, as the single call's error would be. */
      error: AppError;
    };

const itemIdSchema = z.object({ postId: z.uuid() });

/** The post an item names (400 naming `body.items.<index>` when it names none). */
export function bulkItemPostId(items: readonly unknown[], index: number): string {
  return parseInput(itemIdSchema, items[index], `body.items.${index}`).postId;
}

/** The rest of the item, checked as the single-post body would be. */
export function bulkItemBody<B>(items: readonly unknown[], index: number, body: z.ZodType<B>): B {
  const { postId: _, ...rest } = items[index] as Record<string, unknown>;
  return parseInput(body, rest, `body.items.${index}`);
}

export function bulkSuccess(
  index: number,
  post: Pick<PostView, 'id' | 'status' | 'version' | 'sendLimitWarnings'> & { scheduledAt: Date | null },
): BulkItemOutcome {
  return {
    index,
    postId: post.id,
    ok: true,
    post: {
      id: post.id,
      status: post.status,
      version: post.version,
      scheduledAt: post.scheduledAt,
      ...(post.sendLimitWarnings ? { sendLimitWarnings: post.sendLimitWarnings } : {}),
    },
  };
}

/** An item's refusal as its own call would have said it; anything unforeseen is logged, not shown. */
export function bulkFailure(
  index: number,
  postId: string | null,
  err: unknown,
  onUnexpected?: (index: number, err: unknown) => void,
): BulkItemOutcome {
  if (err instanceof AppError) return { index, postId, ok: false, error: err };
  onUnexpected?.(index, err);
  return { index, postId, ok: false, error: sayError('internal', 'errors.code.internal') };
}

// Set-based bulk steps judge this many items between two yields to the event loop, and write this
// many posts per statement.
export const JUDGED_PER_TURN = 50;
export const WRITTEN_PER_CHUNK = 100;
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface WantedItem<B> {
  index: number;
  postId: string;
  input: B;
}

/**
 * Every item's post and body, checked as the single call checks them, with the actor's right to
 * take the step: the items that pass, and a refusal at the index of each one that does not.
 */
export function readBulkItems<B>(
  items: readonly unknown[],
  body: z.ZodType<B>,
  role: Role,
  action: PostAction,
  onUnexpected?: (index: number, err: unknown) => void,
): { wanted: WantedItem<B>[]; outcomes: BulkItemOutcome[] } {
  const outcomes: BulkItemOutcome[] = new Array(items.length);
  const wanted: WantedItem<B>[] = [];
  for (let index = 0; index < items.length; index++) {
    let postId: string | null = null;
    try {
      postId = bulkItemPostId(items, index);
      const input = bulkItemBody(items, index, body);
      assertRole(role, action);
      wanted.push({ index, postId, input });
    } catch (err) {
      outcomes[index] = bulkFailure(index, postId, err, onUnexpected);
    }
  }
  return { wanted, outcomes };
}
