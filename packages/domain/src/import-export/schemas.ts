// Shapes of bulk create, CSV import and export. Safe for the browser.
import { z } from 'zod';
import { postStatusSchema } from '../posts/schemas';

/** One request creates at most this many posts, whether as JSON items or CSV rows (API4). */
export const MAX_BULK_ITEMS = 500;
export const MAX_IMPORT_ROWS = 500;
/** An export answers at most this many targets; a wider range must be narrowed. */
export const MAX_EXPORT_ROWS = 20_000;
export const MAX_EXPORT_DAYS = 366;
/** An export answers at most about this many bytes (texts counted in the database first). */
export const MAX_EXPORT_BYTES = 64 * 2 ** 20;

/** Items are checked one by one (so one bad item does not fail the others): only the count is checked here. */
export const bulkCreateSchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(MAX_BULK_ITEMS, `at most ${MAX_BULK_ITEMS} posts per request`),
});

const itemErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const bulkResultSchema = z.object({
  created: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      /** The HTTP status this item would have had on its own. */
      status: z.number().int(),
      post: z.object({ id: z.uuid(), status: postStatusSchema, version: z.number().int() }).optional(),
      error: itemErrorSchema.optional(),
    }),
  ),
});

export const importQuerySchema = z.strictObject({
  /** Check every row (in a transaction that is rolled back) without creating anything. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const rowErrorSchema = z.object({
  /** The spreadsheet row: the header is row 1, the first post row 2. */
  row: z.number().int(),
  /** The CSV column, or "row" for a problem with the row as a whole. */
  field: z.string(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  posts: z.array(z.object({ row: z.number().int(), id: z.uuid() })),
});

export const exportQuerySchema = z.strictObject({
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40),
  format: z.enum(['csv', 'json']).default('csv'),
});
