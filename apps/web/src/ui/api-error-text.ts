// What a person reads when an action fails: the server's reason in their language. The API answers
// with a code and details (reason, approvalsRequired, violations, field problems), which name the
// cause precisely, and with the code of its sentence in the shared catalogue (messageCode, params),
// which is worded here from that catalogue: the server's own text is shown only to English readers
// of an error that has no code. "Check your connection" is only for when the server was not
// reached at all.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';
import { messageText } from './message-text';

// Fields a person fills in, named as the screens name them.
const FIELD_KEYS: Record<string, string> = {
  comment: 'errors.fields.comment',
  text: 'errors.fields.text',
  local: 'errors.fields.when',
  'requestedSchedule.local': 'errors.fields.when',
  targets: 'errors.fields.channels',
  link: 'errors.fields.link',
  firstComment: 'errors.fields.firstComment',
};

export function localizedError(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) {
    // A sentence the screen made itself (new Error(t(...))); a failed fetch is a TypeError.
    if (error instanceof Error && !(error instanceof TypeError) && error.message) return error.message;
    return t('common.unexpectedError');
  }
  if (error.status >= 500) return t('errors.server');
  // Typed from the API's document (ErrorFacts): a fact it stops sending breaks this file's build.
  const details = error.facts;
  const first = details.violations?.[0];
  if (first) return t('errors.charter', { rule: messageText(first, language) });
  if (details.reason === 'in_the_past') return t('errors.inThePast');
  if (details.reason === 'nonexistent_local_time') return t('errors.dstGap');
  if (details.reason === 'sent') return t('errors.alreadySent');
  if (details.reason === 'media_in_use') {
    const posts = (details as { posts?: unknown[] }).posts ?? [];
    return t('media.refusals.media_in_use', { count: posts.length });
  }
  // The media library's refusals (details.reason of an upload) each have a sentence.
  if (typeof details.reason === 'string') {
    const sentence = t(`media.refusals.${details.reason}`, { defaultValue: '' });
    if (sentence) return sentence;
  }
  if (typeof details.approvalsRequired === 'number')
    return t('errors.needsApproval', { count: details.approvalsRequired });
  if (typeof details.currentVersion === 'number') return t('errors.stale');
  if (Array.isArray(details.targets)) return t('errors.inFlight');
  const fields = Object.keys(error.fieldErrors);
  if (fields.length > 0) {
    if (fields[0] === 'comment') return t('errors.commentRequired');
    const key = FIELD_KEYS[fields[0] ?? ''];
    if (key) return t('errors.fieldRequired', { field: t(key) });
  }
  // The field problems and generic code sentences above read better on a screen than the API's
  // sentence naming "body.x"; past them, the catalogue's words for what the API said.
  if (error.said) return messageText(error.said, language);
  if (language === 'en') return error.message;
  if (error.status === 401) return t('errors.signedOut');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status === 429) return t('errors.tooMany');
  return t('errors.refused');
}
