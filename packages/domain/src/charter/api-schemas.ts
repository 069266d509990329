// Request and response shapes of the charter API. Safe for the browser.
import { z } from 'zod';
import { mediaKindSchema, networkSchema } from '../networks/schemas';
import { uniqueItems } from '../unique-items';
import { INT4_MAX, isStorableInstant, STORABLE_RANGE_MESSAGE } from '../storable';
import { charterRulesSchema, violationSchema } from './schemas';

export const charterSaveSchema = z.strictObject({
  rules: charterRulesSchema,
  /** The version the writer started from (0 when there was none): a save over a newer one is refused. */
  baseVersion: z.number().int().min(0).max(INT4_MAX),
});
export type CharterSave = z.infer<typeof charterSaveSchema>;

const authorSchema = z.object({ userId: z.uuid().nullable(), tokenId: z.uuid().nullable() });

/** One version, without its rules: what a history page lists. */
export const charterVersionSummarySchema = z.object({
  version: z.number().int().min(0),
  changeSummary: z.array(z.string()).describe('Rule keys changed since the previous version'),
  createdBy: authorSchema.nullable(),
  createdAt: z.date().nullable(),
});

/** Version 0, with no author and no date, stands for "no charter saved yet". */
export const charterVersionSchema = charterVersionSummarySchema.extend({
  id: z.uuid().nullable(),
  rules: charterRulesSchema,
});
export type CharterVersionView = z.infer<typeof charterVersionSchema>;

export const versionParamSchema = z.coerce.number().int().min(1).max(INT4_MAX);

const checkTextSchema = z.string().max(100_000);

export const charterCheckSchema = z
  .strictObject({
    text: checkTextSchema,
    /** Channels of this workspace, each optionally with its own version of the text. */
    targets: z
      .array(z.strictObject({ channelId: z.uuid(), text: checkTextSchema.optional() }))
      .max(50)
      .superRefine(uniqueItems((t) => t.channelId, 'Name each channel once', ['channelId']))
      .default([]),
    /** Networks to check against without naming a channel (no per-channel schedule rules then). */
    networks: z.array(networkSchema).max(20).default([]),
    /** The media the post will carry, by kind: networks that require media need to know. */
    media: z.array(mediaKindSchema).max(50).default([]),
    scheduledAt: z.iso
      .datetime({ offset: true })
      .refine((at) => isStorableInstant(new Date(at)), STORABLE_RANGE_MESSAGE)
      .nullable()
      .optional(),
    campaignId: z.uuid().optional(),
  })
  .refine((c) => c.targets.length + c.networks.length > 0, {
    message: 'Name at least one channel in targets or one network in networks',
    path: ['targets'],
  });
export type CharterCheck = z.infer<typeof charterCheckSchema>;

export const charterCheckResultSchema = z.object({
  charterVersion: z.number().int().min(0),
  blocking: z.boolean().describe('Whether any violation would stop approval or publishing'),
  violations: z.array(violationSchema),
});
