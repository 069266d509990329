// "What changed since your last review", the fallback: for posts saved before the API kept content
// revisions, the reviewer's browser remembers the text each decision was made on, per person.
import type { Post } from '../posts/post-queries';

export interface ReviewSnapshot {
  contentRevision: number;
  decidedAt: string;
  /** "base" for the post's text, else a channel id for a target's own text. */
  texts: Record<string, string>;
  /** Same keys, each list as `mediaKey`; absent in what browsers stored before it was kept. */
  media?: Record<string, string>;
}

const key = (userId: string, postId: string) => `cadence.review.${userId}.${postId}`;

export function textsOf(post: Post): Record<string, string> {
  const texts: Record<string, string> = { base: post.text };
  for (const t of post.targets) texts[t.channelId] = t.text ?? post.text;
  return texts;
}

export function rememberReview(userId: string, post: Post) {
  const snapshot: ReviewSnapshot = {
    contentRevision: post.contentRevision,
    decidedAt: new Date().toISOString(),
    texts: textsOf(post),
  };
  try {
    window.localStorage.setItem(key(userId, post.id), JSON.stringify(snapshot));
  } catch {
    // storage full or disabled: the diff is a convenience, the decision stands
  }
}

export function lastReview(userId: string, postId: string): ReviewSnapshot | null {
  try {
    const raw = window.localStorage.getItem(key(userId, postId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ReviewSnapshot>;
    if (typeof parsed.contentRevision !== 'number' || typeof parsed.texts !== 'object' || !parsed.texts)
      return null;
    return parsed as ReviewSnapshot;
  } catch {
    return null;
  }
}
