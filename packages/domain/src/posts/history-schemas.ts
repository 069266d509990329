// One entry of a post's history as the API returns it: who (a person, an API token, the
// publisher), what happened as a stable code with its parameters, and the target (channel) it
// concerns. Screens word it from their own catalogues; nothing here is a sentence. Browser-safe.
import { z } from 'zod';
import { networkSchema } from '../networks/schemas';
import { postEventSchema } from './schemas';

export const HISTORY_ACTOR_KINDS = ['person', 'token', 'publisher'] as const;

export const historyActorSchema = z.object({
  kind: z.enum(HISTORY_ACTOR_KINDS),
  /** The person, or for a token the person who created it. */
  userId: z.uuid().nullable(),
  tokenId: z.uuid().nullable(),
  /** The person's name, or the token's; null for the publisher or someone since deleted. */
  name: z.string().nullable(),
});

export const historyTargetSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  network: networkSchema,
});

/**
 * Workflow events keep their code in `event` (created, edited, submitted, approved, scheduled,
 * publishing.status_changed...). Steps of one target come from the publisher's attempt log:
 * target.sending, target.published, target.failed (params.reason), target.outcome_unknown,
 * target.held, target.missed, target.reconciled, target.confirmed, target.retried.
 */
export const historyEntrySchema = postEventSchema.extend({
  /** A workflow event's uuid, or a target step's (its send's start is "<uuid>:sending"). */
  id: z.string(),
  event: z.string(),
  params: z.record(z.string(), z.unknown()),
  actor: historyActorSchema,
  target: historyTargetSchema.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
