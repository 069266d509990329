// Turns an attempt's logged outcome (status code and the error text the webhook job stored) into a
// reason the delivery log can word in the reader's language. The texts come from our own
// SSRF-safe client (packages/networks/src/safe-http.ts) and the webhook job, so the patterns are
// ours; it is read at listing time, so deliveries logged before this existed are worded too.
import type { WebhookFailureReason } from '@cadence/names';

export function webhookFailureReason(
  statusCode: number | null,
  lastError: string | null,
): WebhookFailureReason | null {
  if (lastError === null) return null;
  if (statusCode !== null && statusCode >= 300 && statusCode < 400) return 'redirect';
  if (statusCode !== null && (statusCode < 200 || statusCode >= 400)) return 'http_status';
  if (/private or reserved network/i.test(lastError)) return 'private_address';
  if (/timed out|timeout/i.test(lastError)) return 'timeout';
  if (/^Could not reach/i.test(lastError)) return 'unreachable';
  if (/larger than \d+ bytes/i.test(lastError)) return 'too_large';
  if (/redirect/i.test(lastError)) return 'redirect';
  return 'no_answer';
}
