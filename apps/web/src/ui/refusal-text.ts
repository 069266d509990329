// A refusal from the API in the reader's language: the access-control reasons and limits have a
// sentence in the catalogue ("refusals.*"); anything else goes through localizedError.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';
import i18n from '../i18n/index';
import { localizedError } from './api-error-text';

const KNOWN_REASONS = new Set([
  'own_content',
  'owner_only',
  'already_member',
  'invitation_invalid',
  'invitation_other_address',
  'password_reset_invalid',
  'account_exists',
  'last_owner',
]);
const KNOWN_LIMITS = new Set(['api_tokens', 'ics_feeds', 'owned_workspaces', 'open_invitations']);

export function refusalText(error: unknown, t: TFunction, fallback?: string): string {
  if (!(error instanceof ApiError)) return fallback ?? localizedError(error, t, i18n.language);
  const details = (error.details ?? {}) as { reason?: unknown; limit?: unknown; max?: unknown };
  if (
    error.code === 'limit_reached' &&
    typeof details.limit === 'string' &&
    KNOWN_LIMITS.has(details.limit)
  ) {
    return t(`refusals.limit.${details.limit}`, { max: details.max });
  }
  if (typeof details.reason === 'string' && KNOWN_REASONS.has(details.reason)) {
    return t(`refusals.${details.reason}`);
  }
  return localizedError(error, t, i18n.language);
}
