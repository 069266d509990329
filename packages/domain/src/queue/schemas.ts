// Request and response shapes of queue slots. Safe for the browser.
import { z } from 'zod';
import { uniqueItems } from '../unique-items';

/** Bound: a slot every 15 minutes of every day would be 672; nobody posts that often per channel. */
export const MAX_SLOTS_PER_CHANNEL = 200;

export const weeklySlotSchema = z.strictObject({
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: z.number().int().min(1).max(7),
  /** Wall-clock time in the workspace timezone. */
  localTime: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:mm (00:00–23:59)'),
});
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;

export const queueSlotsReplaceSchema = z.strictObject({
  slots: z
    .array(weeklySlotSchema)
    .max(MAX_SLOTS_PER_CHANNEL)
    .superRefine(uniqueItems((s) => `${s.weekday} ${s.localTime}`, 'Each weekday and time appears once')),
});
export type QueueSlotsReplace = z.infer<typeof queueSlotsReplaceSchema>;

export const queueSlotsViewSchema = z.object({
  channelId: z.uuid(),
  timezone: z.string(),
  slots: z.array(z.object({ weekday: z.number().int(), localTime: z.string() })),
});

export const freeSlotViewSchema = z.object({
  at: z.date(),
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the workspace timezone. */
  local: z.string(),
  /** True on a fall-back day when this wall-clock time happens twice (the earlier one is used). */
  ambiguous: z.boolean(),
});

export const nextSlotsQuerySchema = z.strictObject({
  count: z.coerce.number().int().min(1).max(50).default(5),
});
