// HTTP details shared by the post routes: the optimistic-concurrency headers and the deps object.
import type { PostDeps } from '@cadence/domain/posts/deps';
import { invalidField } from '@cadence/domain/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { workspaceParams } from '../workspaces/workspace-routes';

export const postParams = workspaceParams.extend({ postId: z.uuid() });

export const postDeps = (ctx: AppContext): PostDeps => ({ db: ctx.database.db, clock: ctx.clock });

export const actorOf = (request: FastifyRequest) => ({ ...request.actor, requestId: request.id });

/**
 * The version a client read, from `If-Match: "3"` (what GET returned as ETag) or the body's
 * `version`. Both may be sent; if they disagree the request is ambiguous and refused.
 */
export function versionFrom(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return bodyVersion;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match?.[1]) {
    throw invalidField('headers.if-match', 'version_unknown', {}, 'bad_request');
  }
  const version = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) {
    throw invalidField('body.version', 'version_disagrees', {}, 'bad_request');
  }
  return version;
}

/** Every post response carries its version as ETag, ready for the next If-Match. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, post: T): T {
  reply.header('etag', `"${post.version}"`);
  return post;
}
