// Filling a saved reply for one conversation (pure, browser-safe: the reply box fills the text
// the person then edits; the server never fills, it checks the text actually sent).
// {author} is the author's display name, else their handle; {handle} is their @handle.
// Unknown braces are left as written, so a typo shows in the reply box instead of vanishing.

export const SAVED_REPLY_VARIABLES = ['author', 'handle'] as const;

export interface SavedReplyAuthor {
  handle: string;
  name: string | null;
}

export function fillSavedReply(body: string, author: SavedReplyAuthor): string {
  const handle = `@${author.handle.replace(/^@/, '')}`;
  const name = author.name?.trim() || handle;
  return body.replace(/\{(author|handle)\}/g, (_, v: string) => (v === 'author' ? name : handle));
}
