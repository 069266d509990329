// "What changed since your last review" from the server: the history says which content revision
// this reviewer last approved or sent back, and the API keeps every revision's content.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isApiError, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import type { PostEvent } from '../posts/post-queries';
import type { ReviewSnapshot } from './review-snapshot';

export type PostRevision =
  paths['/api/v1/workspaces/{workspaceId}/posts/{postId}/revisions/{contentRevision}']['get']['responses'][200]['content']['application/json'];

export interface LastDecision {
  /** The revision decided on; null when the event predates revisions in the history's details. */
  contentRevision: number | null;
  decidedAt: string;
}

const DECISIONS = new Set(['approved', 'changes_requested']);

/** This reviewer's latest approval or request for changes, from the post's history. */
export function lastDecision(history: readonly PostEvent[], userId: string): LastDecision | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (!e || e.actor.userId !== userId || !DECISIONS.has(e.action)) continue;
    const revision = (e.details as { contentRevision?: unknown } | null)?.contentRevision;
    return { contentRevision: typeof revision === 'number' ? revision : null, decidedAt: e.createdAt };
  }
  return null;
}

/** The revision to diff against: the one decided on, else the one before the current. */
export function baseRevision(decision: LastDecision | null, current: number): number | null {
  if (!decision) return null;
  const n = decision.contentRevision ?? current - 1;
  return n >= 1 ? n : null;
}

/** One revision; null when the server has none (posts saved before revisions were kept). */
export function usePostRevision(workspaceId: string, postId: string, contentRevision: number | null) {
  return useQuery({
    queryKey: ['posts', workspaceId, 'revision', postId, contentRevision],
    enabled: contentRevision !== null,
    staleTime: Number.POSITIVE_INFINITY, // a revision never changes
    queryFn: async () => {
      try {
        return unwrap(
          await api.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}/revisions/{contentRevision}', {
            params: { path: { workspaceId, postId, contentRevision: contentRevision ?? 0 } },
          }),
        );
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
  });
}

/** A server revision in the shape the diff reads (texts per channel, media per channel). */
export function snapshotOfRevision(revision: PostRevision, decidedAt: string): ReviewSnapshot {
  const texts: Record<string, string> = { base: revision.text };
  const media: Record<string, string> = { base: mediaKey(revision.media) };
  for (const t of revision.targets) {
    texts[t.channelId] = t.text ?? revision.text;
    media[t.channelId] = mediaKey(t.media ?? revision.media);
  }
  return { contentRevision: revision.contentRevision, decidedAt, texts, media };
}

/** Media compared by what a reader sees: the files, their order, alt texts and kinds. */
export const mediaKey = (media: readonly { url: string; alt: string; kind: string }[]) =>
  JSON.stringify(media.map((m) => [m.url, m.alt, m.kind]));
