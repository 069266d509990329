// The "Charter" report (issue 17): which rules the charter's verdicts came from, over time. Safe
// for the browser. What Cadence records (decision 0191): each post keeps the verdicts of its last
// check; a refused submission leaves no record; nothing can override a blocking verdict, so
// "overridden" counts warnings a post went ahead with (approved, scheduled or published anyway).
import { z } from 'zod';

const counts = {
  /** Posts whose last check found a blocking verdict of this rule. */
  blocked: z.number().int(),
  /** Posts whose last check found a warning of this rule. */
  warned: z.number().int(),
  /** Of those warned, the posts that were approved, scheduled or published anyway. */
  overridden: z.number().int(),
};

export const charterRuleRowSchema = z.object({ rule: z.string(), ...counts });
export const charterWeekRowSchema = z.object({
  week: z.string(),
  weekStart: z.string(),
  rule: z.string(),
  ...counts,
});

export const charterResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  /** Posts planned in the period (their instant, or their last change when undated). */
  postsChecked: z.number().int(),
  /** Targets held at send time because the charter blocked them then. */
  heldAtSend: z.number().int(),
  rules: z.array(charterRuleRowSchema),
  weeks: z.array(charterWeekRowSchema),
});
export type CharterReport = z.infer<typeof charterResponseSchema>;
