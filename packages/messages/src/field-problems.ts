// A validation issue (zod's, as fastify-type-provider-zod reports it) as a field problem with a
// stable reason code and parameters, so the API words it in the reader's language and programs
// read the reason. Pure: no HTTP, no zod import (the issue arrives as data).
import type { Locale } from '@cadence/names';
import type { MessageParams } from './codes';
import { translate } from './translate';

/** Every `reason` a field problem can carry; each is a `validation.<reason>` sentence. */
export const VALIDATION_REASONS = [
  'required',
  'invalid_type',
  'invalid_uuid',
  'invalid_email',
  'invalid_url',
  'invalid_datetime',
  'invalid_date',
  'invalid_format',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'not_one_of',
  'unknown_field',
  'invalid',
  'invalid_because',
  // The domain's own rules (en-errors.ts, enFieldReasons).
  'unknown_timezone',
  'local_time_needed',
  'invalid_local_time',
  'invalid_date_or_datetime',
  'must_be_after',
  'range_too_long',
  'version_required',
  'version_unknown',
  'version_disagrees',
  'cursor_unknown',
  'must_be_future',
  'within_a_year',
  'not_an_answerer',
  'not_a_member',
  'ends_before_start',
  'starts_after_end',
  'working_day_order',
  'current_password_wrong',
  'too_many_rows',
  'export_over_rows',
  'export_over_size',
  'not_csv',
  'not_a_url',
  'not_http',
  'needs_https',
  'private_address',
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export interface IssueFacts {
  /** zod's issue code: invalid_type, invalid_format, too_small, unrecognized_keys, custom... */
  code: string;
  message?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

export interface ReasonWithParams {
  reason: ValidationReason;
  params: MessageParams;
}

const FORMATS: Record<string, ValidationReason> = {
  uuid: 'invalid_uuid',
  guid: 'invalid_uuid',
  email: 'invalid_email',
  url: 'invalid_url',
  datetime: 'invalid_datetime',
  date: 'invalid_date',
};

const SIZED: Record<string, [ValidationReason, ValidationReason]> = {
  string: ['too_short', 'too_long'],
  array: ['too_few', 'too_many'],
  set: ['too_few', 'too_many'],
};

const numberOf = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint' ? Number(value) : 0;

/** The reason and parameters of one issue; the field itself is added by `fieldSentence`. */
export function reasonOf(issue: IssueFacts): ReasonWithParams {
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'invalid_type':
      // zod says "received undefined" only in its message: a missing field is the common case.
      if (/received undefined/.test(issue.message ?? '')) return { reason: 'required', params: {} };
      return { reason: 'invalid_type', params: { expected: String(p.expected ?? '') } };
    case 'invalid_format':
      // A pattern of our own explains itself in its message (zod's default starts "Invalid").
      if (p.format === 'regex' && issue.message && !issue.message.startsWith('Invalid')) {
        return { reason: 'invalid_because', params: { detail: issue.message } };
      }
      return { reason: FORMATS[String(p.format)] ?? 'invalid_format', params: {} };
    case 'too_small':
    case 'too_big': {
      const bound = numberOf(issue.code === 'too_small' ? p.minimum : p.maximum);
      const sized = SIZED[String(p.origin)];
      if (sized) return { reason: sized[issue.code === 'too_small' ? 0 : 1], params: { count: bound } };
      return { reason: issue.code, params: { limit: bound } };
    }
    case 'invalid_value':
      return {
        reason: 'not_one_of',
        params: { values: Array.isArray(p.values) ? p.values.map((v) => String(v)) : [] },
      };
    case 'unrecognized_keys':
      return { reason: 'unknown_field', params: {} };
    case 'custom':
      // A rule of this API's own: its message is an English sentence (no catalogue code yet).
      return issue.message ? { reason: 'invalid_because', params: { detail: issue.message } } : invalid;
    default:
      return invalid;
  }
}

const invalid: ReasonWithParams = { reason: 'invalid', params: {} };

/** "The field “body.text” is required." in the reader's language. */
export function fieldSentence(locale: Locale, field: string, problem: ReasonWithParams): string {
  return translate(locale, `validation.${problem.reason}`, { ...problem.params, field });
}
