import { z } from 'zod';
import { networkSchema } from '../networks/schemas';
import { uniqueItems } from '../unique-items';

// Every list and string is bounded so that a charter stays cheap to store, send and check
// (API4: unrestricted resource consumption). Objects are strict so a typo is an error, not a no-op.

export const severitySchema = z.enum(['block', 'warn']);
export type Severity = z.infer<typeof severitySchema>;

const HASHTAG = /^#?[\p{L}\p{M}\p{N}_]{1,100}$/u;
const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
// A window may end at midnight, written 24:00.
const HH_MM_END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DOMAIN = /^(?=.{1,253}$)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const QUERY_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

const hashtagSchema = z.string().trim().regex(HASHTAG, 'A hashtag is letters, digits or _ (up to 100)');
const hashtagListSchema = z.array(hashtagSchema).max(100);

export const pillarSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(80),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb'),
    targetShare: z.number().min(0).max(1),
  })
  .strict();

export const bannedPhrasesRuleSchema = z
  .object({ phrases: z.array(z.string().trim().min(1).max(200)).max(500), severity: severitySchema })
  .strict();

export const requiredHashtagsRuleSchema = z
  .object({
    allOf: hashtagListSchema.default([]),
    oneOf: hashtagListSchema.default([]),
    severity: severitySchema,
  })
  .strict();

export const forbiddenHashtagsRuleSchema = z
  .object({ tags: z.array(hashtagSchema).max(500), severity: severitySchema })
  .strict();

export const maxCountRuleSchema = z
  .object({ max: z.number().int().min(0).max(10_000), severity: severitySchema })
  .strict();

export const maxLengthRuleSchema = z
  .object({ max: z.number().int().min(1).max(100_000), severity: severitySchema })
  .strict();

export const linkRuleSchema = z
  .object({
    mode: z.enum(['required', 'forbidden', 'optional']),
    /** A domain also allows its subdomains. */
    allowedDomains: z.array(z.string().trim().toLowerCase().regex(DOMAIN)).max(100).optional(),
    requiredUtm: z.array(z.string().regex(QUERY_KEY)).max(10).optional(),
    severity: severitySchema,
  })
  .strict();

export const timeWindowSchema = z
  .object({ start: z.string().regex(HH_MM), end: z.string().regex(HH_MM_END) })
  .strict()
  // HH:mm strings compare in time order; a window over midnight is two windows on two days.
  .refine((w) => w.start < w.end, { message: 'A window ends after it starts', path: ['end'] });

const windowsSchema = z.array(timeWindowSchema).max(12);

export const postingWindowsRuleSchema = z
  .object({
    /** ISO weekdays, Monday = 1. A day with no windows allows no posting. */
    byWeekday: z
      .object({
        1: windowsSchema,
        2: windowsSchema,
        3: windowsSchema,
        4: windowsSchema,
        5: windowsSchema,
        6: windowsSchema,
        7: windowsSchema,
      })
      .partial()
      .strict(),
    severity: severitySchema,
  })
  .strict();

export const blackoutDateSchema = z
  .object({ from: z.iso.date(), to: z.iso.date(), reason: z.string().trim().max(200).optional() })
  .strict()
  .refine((d) => d.from <= d.to, { message: 'A blackout ends on or after it starts', path: ['to'] });

export const blackoutDatesRuleSchema = z
  .object({ dates: z.array(blackoutDateSchema).max(400), severity: severitySchema })
  .strict();

export const minSpacingRuleSchema = z
  .object({ minutes: z.number().int().min(1).max(10_080), severity: severitySchema })
  .strict();

const ruleShape = {
  /** Guidelines for people writing posts; not checked by machine. */
  tone: z.string().max(5_000),
  bannedPhrases: bannedPhrasesRuleSchema,
  requiredHashtags: requiredHashtagsRuleSchema,
  forbiddenHashtags: forbiddenHashtagsRuleSchema,
  maxHashtags: maxCountRuleSchema,
  maxMentions: maxCountRuleSchema,
  maxEmoji: maxCountRuleSchema,
  maxLength: maxLengthRuleSchema,
  link: linkRuleSchema,
  postingWindows: postingWindowsRuleSchema,
  blackoutDates: blackoutDatesRuleSchema,
  maxPostsPerDay: maxCountRuleSchema,
  maxPostsPerWeek: maxCountRuleSchema,
  minSpacingMinutes: minSpacingRuleSchema,
  /** Every image and video needs a description (alt text) in the post's language. */
  altText: z.object({ severity: severitySchema }).strict(),
};

export const ruleSetSchema = z
  .object({
    ...ruleShape,
    pillars: z
      .array(pillarSchema)
      .max(20)
      .superRefine(uniqueItems((p) => p.id, 'Pillar ids are unique', ['id']))
      .refine(
        (ps) => ps.reduce((sum, p) => sum + p.targetShare, 0) <= 1 + 1e-9,
        'Target shares add up to 1 at most',
      ),
  })
  .partial()
  .strict();
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** For one network: a rule given here replaces the workspace's; `null` turns it off there. */
export const networkRuleOverrideSchema = z
  .object(
    Object.fromEntries(Object.entries(ruleShape).map(([key, schema]) => [key, schema.nullable()])) as {
      [K in keyof typeof ruleShape]: z.ZodNullable<(typeof ruleShape)[K]>;
    },
  )
  .partial()
  .strict();
export type NetworkRuleOverride = z.infer<typeof networkRuleOverrideSchema>;

export const charterRulesSchema = z
  .object({
    rules: ruleSetSchema.default({}),
    overrides: z.partialRecord(networkSchema, networkRuleOverrideSchema).default({}),
  })
  .strict();
export type CharterRules = z.infer<typeof charterRulesSchema>;

/** What a campaign adds, during its dates, on top of the charter (never loosening it). */
export const campaignAdditionsSchema = z
  .object({
    requiredHashtags: requiredHashtagsRuleSchema,
    bannedPhrases: bannedPhrasesRuleSchema,
    link: linkRuleSchema,
  })
  .partial()
  .strict();
export type CampaignAdditions = z.infer<typeof campaignAdditionsSchema>;

export const campaignRulesSchema = z
  .object({ startsOn: z.iso.date(), endsOn: z.iso.date(), additions: campaignAdditionsSchema })
  .strict();
export type CampaignRules = z.infer<typeof campaignRulesSchema>;

export const violationFieldSchema = z.enum(['text', 'schedule', 'media']);

/** Parameters of a message of the shared catalogue: plain JSON, as the catalogue's formatters read them. */
export const messageParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
  .describe('The parameters of messageCode: counts, limits, network ids, ISO days...');

export const violationSchema = z.object({
  rule: z.string().describe('The rule, as a stable code: bannedPhrases, network.maxLength, campaign.link...'),
  severity: severitySchema,
  network: networkSchema.optional(),
  channelId: z.string().optional(),
  messageCode: z
    .string()
    .describe('What to say, as a code of the message catalogue (charter.networkLength); word it with params'),
  params: messageParamsSchema,
  message: z
    .string()
    .optional()
    .describe('The sentence in the language of the answer (Accept-Language), in check answers and errors'),
  /** UTF-16 indexes into the text that was checked for this target, end exclusive. */
  range: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  field: violationFieldSchema,
  /** For a media finding about one attachment: its position in the post's media (from 0). */
  item: z.number().int().optional(),
});
export type Violation = z.infer<typeof violationSchema>;
