// Instagram and Threads publish in two steps: create a media container, wait until Meta has
// fetched and processed the media (status FINISHED), then publish the container.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, withQuery } from '../network-http/call';
import { pause } from '../network-http/compose';
import type { SafeHttpOptions } from '../safe-http';
import { graphCall } from './graph';

const containerStatus = z.object({
  status_code: z.string().max(50).optional(),
  status: z.string().max(50).optional(),
  error_message: z.string().max(2000).optional(),
});

export interface ContainerPolling {
  url: string;
  token: string;
  network: string;
  /** Instagram's field is status_code, Threads' is status. */
  field: 'status_code' | 'status';
  intervalMs: number;
  attempts: number;
}

export async function waitUntilFinished(
  p: ContainerPolling,
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
) {
  for (let i = 0; i < p.attempts; i++) {
    const fields = p.field === 'status' ? 'status,error_message' : 'status_code';
    const response = await graphCall(
      { method: 'GET', url: withQuery(p.url, { fields, access_token: p.token }) },
      http,
      signal,
      now,
      p.network,
    );
    const answer = readAnswer(containerStatus, response, `Checking the ${p.network} media`, 'transient');
    const status = answer[p.field];
    if (status === 'FINISHED' || status === 'PUBLISHED') return;
    if (status === 'ERROR' || status === 'EXPIRED') {
      throw new NetworkError(
        'permanent',
        `${p.network} could not process the media${answer.error_message ? `: ${answer.error_message}` : ''}`,
      );
    }
    await pause(p.intervalMs, signal);
  }
  throw new NetworkError('transient', `${p.network} was still processing the media`);
}

const created = z.object({ id: z.string().regex(/^\d{1,40}$/) });

/** The two calls every container flow makes, bound to one account's graph, token and request. */
export function containerSteps(s: {
  graph: string;
  token: string;
  network: string;
  statusField: ContainerPolling['field'];
  pollIntervalMs: number | undefined;
  http: SafeHttpOptions;
  signal: AbortSignal;
  now: () => Date;
}) {
  return {
    /** Creates a container (or publishes one) and returns the new object's id. */
    post: async (
      path: string,
      form: Record<string, string | undefined>,
      what: string,
      kind: 'ambiguous' | 'transient' = 'transient',
    ) =>
      readAnswer(
        created,
        await graphCall(
          { method: 'POST', url: `${s.graph}/${path}`, form: { ...form, access_token: s.token } },
          s.http,
          s.signal,
          s.now,
          s.network,
        ),
        what,
        kind,
      ).id,
    wait: (id: string) =>
      waitUntilFinished(
        {
          url: `${s.graph}/${id}`,
          token: s.token,
          network: s.network,
          field: s.statusField,
          intervalMs: s.pollIntervalMs ?? 3000,
          attempts: 40,
        },
        s.http,
        s.signal,
        s.now,
      ),
  };
}
