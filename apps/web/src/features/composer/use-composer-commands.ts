// What the composer's buttons do: save (create or update with the version read), then the
// workflow step. A 409 on save fetches the other person's version for the conflict banner. The
// proposed date and time travels with every save while the post is not scheduled yet; autosave
// is the same save, run quietly a few seconds after typing stops (use-autosave.ts).
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
  /** Told the id of a post this composer created, before the address changes to it. */
  onCreated?: (post: Post) => void;
}

// A time is proposed on the post until it is scheduled; then it moves with Schedule or the calendar.
const PROPOSABLE = new Set(['draft', 'in_review', 'changes_requested', 'approved']);
const savedWhenOf = (p: Post | null) => p?.schedule?.local.slice(0, 16) ?? '';

export function useComposerCommands({
  workspaceId,
  channels,
  requestedLocal,
  initialPost,
  onCreated,
}: Options) {
  const queryClient = useQueryClient();
  const [post, setPost] = useState<Post | null>(initialPost);
  const [savedDraft, setSavedDraft] = useState<ComposerDraft | null>(
    initialPost ? fromPost(initialPost) : null,
  );
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [savedWhen, setSavedWhen] = useState(() => savedWhenOf(initialPost));
  const [autosaving, setAutosaving] = useState(false);
  const [running, setRunning] = useState<Command | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Post | null>(null);

  const ids = (p: Post) => ({ workspaceId, postId: p.id });

  const whenChanged = (when: string) => Boolean(post && PROPOSABLE.has(post.status) && when !== savedWhen);

  async function save(draft: ComposerDraft, when: string): Promise<Post> {
    const unchanged = post && savedDraft && sameDraft(savedDraft, draft) && !whenChanged(when);
    if (post && unchanged) return post;
    try {
      const saved = post
        ? await actions.updatePost(ids(post), {
            ...toUpdateBody(draft, channels),
            ...(whenChanged(when) ? { requestedSchedule: when ? { local: when } : null } : {}),
            version: post.version,
          })
        : await actions.createPost(workspaceId, toCreateBody(draft, channels, when || requestedLocal));
      setPost(saved);
      setSavedDraft(draft);
      setSavedWhen(savedWhenOf(saved));
      setSavedAt(new Date());
      queryClient.setQueryData(postQuery(workspaceId, saved.id).queryKey, saved);
      if (!post) onCreated?.(saved);
      return saved;
    } catch (e) {
      if (post && isApiError(e, 409)) {
        setConflict(await queryClient.fetchQuery({ ...postQuery(workspaceId, post.id), staleTime: 0 }));
      }
      throw e;
    }
  }

  /** Saves quietly (no button shows "Saving…"); a failure shows like any other. */
  async function autosave(draft: ComposerDraft, when: string): Promise<void> {
    setAutosaving(true);
    try {
      await save(draft, when);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['calendar', workspaceId] });
    } catch (e) {
      setError(e);
    } finally {
      setAutosaving(false);
    }
  }

  /** `when` is the date field (may be empty); `local` the time a Schedule command uses. */
  async function run(
    command: Command,
    draft: ComposerDraft,
    when: string,
    local: string,
  ): Promise<Post | null> {
    setRunning(command);
    setError(null);
    try {
      let p = await save(draft, when);
      if (command === 'submit') p = await actions.submitPost(ids(p), p.version);
      // A post waiting for approval is approved first (the button is offered only when my approval
      // completes it); one that needs none is scheduled straight from review.
      const placing =
        command === 'approveSchedule' ||
        command === 'schedule' ||
        command === 'queue' ||
        command === 'publishNow';
      if (placing && p.status === 'in_review' && p.approvalsRequired > 0)
        p = await actions.approvePost(ids(p), p);
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
    autosave,
    autosaving,
    acceptTheirs,
    isSaved: (d: ComposerDraft, when: string) =>
      Boolean(post && savedDraft && sameDraft(savedDraft, d) && !whenChanged(when)),
  };
}
