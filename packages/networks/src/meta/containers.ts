// Instagram and Threads publish in two steps: create a media container, wait until Meta has
// fetched and processed the media (status FINISHED), then publish the container. Containers are
// remembered per target: a retry after the publish step failed publishes the same container
// rather than making Meta fetch and process the media again, until Meta drops it (24 hours).
// A remembered container whose status is PUBLISHED went out on an earlier attempt (the publish
// call's answer was lost: a 5xx or a cut connection after Meta had published): it is never
// published again (`publish` below).
import { createHash } from 'node:crypto';
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, withQuery } from '../network-http/call';
import { pause } from '../network-http/compose';
import { expiresIn, type RemoteUploads, uploadOnce } from '../network-http/library-media';
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

/** FINISHED: ready to publish; PUBLISHED: an earlier attempt published it. */
type ReadyStatus = 'FINISHED' | 'PUBLISHED';

async function waitUntilFinished(
  p: ContainerPolling,
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<ReadyStatus> {
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
    if (status === 'FINISHED' || status === 'PUBLISHED') return status;
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
const rememberedContainer = z.object({ id: z.string().regex(/^\d{1,40}$/), expiresAt: z.string() });

/** Meta documents that an unpublished container expires 24 hours after it is made. */
const CONTAINER_LIFETIME_MS = 24 * 3600 * 1000;

/** What a container of one attachment holds, for its key (not the signed link, new each time). */
export function aboutMedia(ref: MediaRef) {
  return { media: ref.mediaId ?? ref.url, kind: ref.kind, alt: ref.alt };
}

/** The name a container is remembered under: what it is made of, so an edited post makes a new one. */
export function containerKey(network: string, role: string, fields: Record<string, string | undefined>) {
  const what = JSON.stringify(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .sort(),
  );
  return `${network}:${role}:${createHash('sha256').update(what).digest('base64url').slice(0, 22)}`;
}

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
  /** The target the containers are for, and where they are remembered (absent: never reused). */
  targetId: string;
  uploads: RemoteUploads | undefined;
}) {
  const wait = (id: string) =>
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
    );
  const post = async (
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
    ).id;
  return {
    /** Creates a container (or publishes one) and returns the new object's id. */
    post,
    /**
     * A container of this target made once: `key` names what it holds (`containerKey`), and
     * `fields` are asked for only when it must be made (a signed link is made fresh then).
     */
    container: async (
      path: string,
      key: string,
      fields: () => Promise<Record<string, string | undefined>>,
      what: string,
    ) =>
      (
        await uploadOnce(
          s.uploads,
          s.targetId,
          key,
          rememberedContainer,
          async () => ({
            id: await post(path, await fields(), what),
            expiresAt: expiresIn(s.now, CONTAINER_LIFETIME_MS),
          }),
          s.now,
        )
      ).remote.id,
    wait,
    /**
     * Publishes a container once it is FINISHED and answers the published object's id. A container
     * already PUBLISHED is not published again: the object is out but its id was lost with the
     * earlier answer, so the outcome is ambiguous and goes to a person.
     */
    publish: async (path: string, container: string, what: string) => {
      if ((await wait(container)) === 'PUBLISHED') throw alreadyPublished(s.network);
      return post(path, { creation_id: container }, what, 'ambiguous');
    },
  };
}

export function alreadyPublished(network: string) {
  return new NetworkError(
    'ambiguous',
    `${network} had already published this on an earlier attempt; Cadence did not publish it again`,
  );
}
