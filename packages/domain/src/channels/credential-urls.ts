// A channel's credentials may hold an address Cadence will call (a webhook URL, a Mastodon
// instance, a Bluesky PDS). The networks package knows which key and how to judge it (DNS, the
// address policy); the use cases ask it before storing, so the refusal names the field.
import type { Network } from '../networks/schemas';
import type { ValidationReason } from '@cadence/messages';
import { invalidField } from '../errors';

export type CredentialUrlGuard = (
  network: Network,
  credentials: Record<string, string>,
) => Promise<{ key: string; reason: ValidationReason } | null>;

export async function assertCredentialUrls(
  guard: CredentialUrlGuard,
  network: Network,
  credentials: Record<string, string> | undefined,
) {
  if (!credentials) return;
  const problem = await guard(network, credentials);
  if (!problem) return;
  const field = `body.credentials.${problem.key}`;
  throw invalidField(field, problem.reason, {}, 'unprocessable');
}
