// Small pieces every adapter shares: where to send (a test's local server or the real host), and
// the text as posted (the link appended when the text does not already carry it).
import type { SafeHttpOptions } from '../safe-http';
import type { MediaLibraryReader, RemoteUploads } from './library-media';

export interface AdapterDeps {
  http: SafeHttpOptions;
  /** Reads media library items' bytes (absent: only media URLs can be published). */
  library?: MediaLibraryReader | undefined;
  /** Remembers uploads per target so a retry does not repeat them (absent: nothing is remembered). */
  uploads?: RemoteUploads | undefined;
  /** Replaces every host of the network, so contract tests can point an adapter at a local server. */
  baseUrl?: string | undefined;
  clock?: () => Date;
}

export function origin(defaultOrigin: string, override: string | undefined): string {
  return (override ?? defaultOrigin).replace(/\/+$/, '');
}

export function textWithLink(text: string, link: string | null): string {
  if (!link || text.includes(link)) return text;
  return text.trim() === '' ? link : `${text}\n\n${link}`;
}

/** Waits, but gives up as soon as the publisher aborts the call. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
