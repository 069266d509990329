// What the composer's buttons do: save (create or update with the version read), then the
// workflow step. A 409 on save fetches the other person's version for the conflict banner.
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import * as actions from '../posts/post-actions';
import { type Post, postQuery } from '../posts/post-queries';
import { useQueryClient } from '@tanstack/react-query';
import {
  type ComposerChannel,
  type ComposerDraft,
  fromPost,
  sameDraft,
  toCreateBody,
  toUpdateBody,
} from './composer-model';

export type Command = 'save' | 'submit' | 'approveSchedule' | 'schedule' | 'queue' | 'publishNow';

interface Options {
  workspaceId: string;
  channels: readonly ComposerChannel[];
  requestedLocal: string | null;
  initialPost: Post | null;
}

export function useComposerCommands({ workspaceId, channels, requestedLocal, initialPost }: Options) {
  const queryClient = useQueryClient();
  const [post, setPost] = useState<Post | null>(initialPost);
  const [savedDraft, setSavedDraft] = useState<ComposerDraft | null>(
    initialPost ? fromPost(initialPost) : null,
  );
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [running, setRunning] = useState<Command | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Post | null>(null);

  const ids = (p: Post) => ({ workspaceId, postId: p.id });

  async function save(draft: ComposerDraft): Promise<Post> {
    const unchanged = post && savedDraft && sameDraft(savedDraft, draft);
    if (post && unchanged) return post;
    try {
      const saved = post
        ? await actions.updatePost(ids(post), { ...toUpdateBody(draft, channels), version: post.version })
        : await actions.createPost(workspaceId, toCreateBody(draft, channels, requestedLocal));
      setPost(saved);
      setSavedDraft(draft);
      setSavedAt(new Date());
      return saved;
    } catch (e) {
      if (post && isApiError(e, 409)) {
        setConflict(await queryClient.fetchQuery({ ...postQuery(workspaceId, post.id), staleTime: 0 }));
      }
      throw e;
    }
  }

  async function run(command: Command, draft: ComposerDraft, local: string): Promise<Post | null> {
    setRunning(command);
    setError(null);
    try {
      let p = await save(draft);
      if (command === 'submit') p = await actions.submitPost(ids(p), p.version);
      if (command === 'approveSchedule' && p.status === 'in_review') p = await actions.approvePost(ids(p), p);
      if (command === 'approveSchedule' || command === 'schedule') {
        const already = p.status === 'scheduled' && p.schedule?.local.slice(0, 16) === local;
        if (!already) p = await actions.placePost(ids(p), p, { local });
      }
      if (command === 'queue') p = await actions.addToQueue(ids(p), p.version);
      if (command === 'publishNow') p = await actions.placePost(ids(p), p, { publishNow: true });
      setPost(p);
      queryClient.setQueryData(postQuery(workspaceId, p.id).queryKey, p);
      void queryClient.invalidateQueries({ queryKey: ['posts', workspaceId] });
      void queryClient.invalidateQueries({ queryKey: ['calendar', workspaceId] });
      return p;
    } catch (e) {
      setError(e);
      // A step after the save failed: what was saved is kept, fetch its current state.
      return null;
    } finally {
      setRunning(null);
    }
  }

  /** Conflict resolutions: take their version as the base of the next save, with or without their text. */
  const acceptTheirs = () => {
    if (!conflict) return;
    setPost(conflict);
    setSavedDraft(null);
    setConflict(null);
    setError(null);
  };

  return {
    post,
    savedAt,
    running,
    error,
    conflict,
    run,
    acceptTheirs,
    isSaved: (d: ComposerDraft) => Boolean(post && savedDraft && sameDraft(savedDraft, d)),
  };
}
