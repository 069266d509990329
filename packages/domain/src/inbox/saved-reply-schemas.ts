// Browser-safe shapes of the saved replies (issue 16): a title to pick it by and a body with
// {author} / {handle} variables, filled in the reply box (saved-reply-fill.ts).
import { z } from 'zod';
import { violationSchema } from '../charter/schemas';

export const SAVED_REPLY_TITLE_MAX = 120;
export const SAVED_REPLY_BODY_MAX = 2000;
/** A team's answers to the usual questions, not an archive: the list is read whole. */
export const MAX_SAVED_REPLIES_PER_WORKSPACE = 200;

export const savedReplyInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(SAVED_REPLY_TITLE_MAX),
  body: z.string().trim().min(1).max(SAVED_REPLY_BODY_MAX),
});

/** An edit names the version it started from (`updatedAt` as read): a stale one answers 409. */
export const savedReplyUpdateSchema = savedReplyInputSchema.extend({ updatedAt: z.iso.datetime() });

export const savedReplySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SavedReplyView = z.infer<typeof savedReplySchema>;

/** Saved, with the charter's warnings (blocking findings refuse it with 422, like a reply). */
export const savedReplySavedSchema = savedReplySchema.extend({ warnings: z.array(violationSchema) });

export const savedReplyListSchema = z.object({ items: z.array(savedReplySchema) });
