// Where the browser lands after a network's sign-in page: the channels screen, told what happened
// (the channel connected, or why not as a code the web app words). The API's JSON answer stays for
// clients that ask for it; a person must never be left on a raw error body or an unknown address.
import type { ConnectCallbackError } from '@cadence/names';
import { AppError } from '@cadence/domain/errors';

export function connectedLocation(workspaceId: string, channelId: string): string {
  return `/channels?${new URLSearchParams({ workspace: workspaceId, connected: channelId })}`;
}

export function callbackErrorCode(error: unknown, networkSaidNo: boolean): ConnectCallbackError | null {
  if (!(error instanceof AppError)) return null;
  const details = (error.details ?? {}) as { reason?: unknown };
  if (details.reason === 'invalid_credentials') return 'invalid_credentials';
  if (details.reason === 'network_refused') return 'network_refused';
  if (details.reason === 'network_unavailable') return 'network_unavailable';
  if (error.code === 'forbidden') return 'forbidden';
  if (error.code === 'bad_request') return 'expired';
  if (networkSaidNo) return 'denied';
  if (error.code === 'unprocessable' && /not set up/.test(error.message)) return 'not_configured';
  return error.code === 'unprocessable' ? 'network_refused' : null;
}

export function failedLocation(code: ConnectCallbackError, workspaceId?: unknown): string {
  const query = new URLSearchParams({ connectError: code });
  if (typeof workspaceId === 'string') query.set('workspace', workspaceId);
  return `/channels?${query}`;
}
