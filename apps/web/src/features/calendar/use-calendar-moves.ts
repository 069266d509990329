// Moving posts on the calendar, by drag and drop or from the "Move to…" dialog: the server decides.
// A refusal puts a dragged card back with the reason; success offers Undo. A post dropped from the
// drafts panel is scheduled at the drop time when the approval rule allows it (a manager, an
// approved post or one that needs no approval), else that time is proposed on it (an editor, or a
// post still to be approved); a card dragged back onto the panel comes off the calendar. The
// calendar may show the viewer's zone, but the API always takes the wall-clock time in the
// workspace zone, so every instant is converted on the way out; a timed post moved to another day
// in month view keeps its time of day as shown.
import { mayRun } from '@cadence/domain/posts/post-permissions';
import type { EventDropArg } from '@fullcalendar/core';
import type { DropArg } from '@fullcalendar/interaction';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../ui/roles';
import { isApiError } from '../../api/errors';
import { formatTime } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { placePost, proposeTime, reschedulePost, unschedulePost } from '../posts/post-actions';
import { type Post, postQuery } from '../posts/post-queries';
import { usePeople } from '../posts/use-people';
import type { CalendarItem } from './calendar-queries';
import { slotInstant, workspaceWallClock } from './landing-time';

interface Mover {
  workspaceId: string;
  workspaceZone: string;
  shownZone: string;
  role: Role;
  userId: string;
}

export function useCalendarMoves({ workspaceId, workspaceZone, shownZone, role, userId }: Mover) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const errorText = useApiErrorText();
  const queryClient = useQueryClient();
  const nameOf = usePeople(workspaceId);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['calendar', workspaceId] });
    void queryClient.invalidateQueries({ queryKey: ['posts', workspaceId] });
  };
  const latest = (postId: string) =>
    queryClient.fetchQuery({ ...postQuery(workspaceId, postId), staleTime: 0 });
  const facts = (post: Post) => ({
    status: post.status,
    targetStatuses: post.targets.map((x) => x.status),
    approvalsRequired: post.approvalsRequired,
    isAuthor: post.author.userId === userId,
  });
  const when = (at: Date) => formatTime(at, i18n.language, shownZone);

  const failMessage = async (e: unknown, postId: string) => {
    if (!isApiError(e, 409)) return errorText(e);
    // Someone changed the post meanwhile: say who, when, and show the fresh state.
    const post = await latest(postId).catch(() => null);
    return post
      ? t('calendar.changedBy', { time: when(new Date(post.updatedAt)), name: nameOf(post.author) })
      : errorText(e);
  };
  const refused = async (e: unknown, postId: string) => {
    toast({ kind: 'error', message: t('calendar.moveRefused', { reason: await failMessage(e, postId) }) });
    refresh();
  };
  const undoable = (message: string, undo: () => Promise<unknown>) =>
    toast({
      kind: 'success',
      message,
      action: {
        label: t('common.undo'),
        onClick: () =>
          void undo().then(refresh, (e: unknown) => toast({ kind: 'error', message: errorText(e) })),
      },
    });

  /** Puts a post at a time the way its state allows: reschedule, schedule, or propose. */
  async function placeAt(postId: string, local: string): Promise<'moved' | 'scheduled' | 'proposed'> {
    const post = await latest(postId);
    const ids = { workspaceId, postId };
    if (post.status === 'scheduled') {
      await reschedulePost(ids, post.version, local);
      return 'moved';
    }
    if (mayRun(role, facts(post), 'schedule')) {
      await placePost(ids, post, { local });
      return 'scheduled';
    }
    await proposeTime(ids, post.version, local);
    return 'proposed';
  }

  /**
   * Puts the post back where it was: its previous time (or none), in the state it allows. A draft
   * that the drop scheduled goes back to draft, not to approved.
   */
  async function restore(
    postId: string,
    previousLocal: string | null,
    wasScheduled: boolean,
    wasDraft = false,
  ) {
    const post = await latest(postId);
    const ids = { workspaceId, postId };
    if (previousLocal === null) {
      if (post.status === 'scheduled') return unschedulePost(ids, post.version, wasDraft);
      return proposeTime(ids, post.version, null);
    }
    if (post.status === 'scheduled') return reschedulePost(ids, post.version, previousLocal);
    if (wasScheduled) return placePost(ids, post, { local: previousLocal });
    return proposeTime(ids, post.version, previousLocal);
  }

  /** Moves a post from one instant to another; true when the server agreed. */
  async function movePost(postId: string, to: Date, from: Date): Promise<boolean> {
    const previous = workspaceWallClock(from, workspaceZone);
    try {
      const done = await placeAt(postId, workspaceWallClock(to, workspaceZone));
      refresh();
      const key = done === 'proposed' ? 'postControl.proposedFor' : 'calendar.moved';
      undoable(t(key, { when: when(to) }), () => restore(postId, previous, done !== 'proposed'));
      return true;
    } catch (e) {
      await refused(e, postId);
      return false;
    }
  }

  const onEventDrop = async (info: EventDropArg) => {
    const item = info.event.extendedProps as CalendarItem;
    // FullCalendar has already shifted the card by whole days (month view) or to the slot, in the
    // zone it shows, so its new start is the instant the person sees.
    const start = info.event.start;
    const before = info.oldEvent.start;
    if (!start || !before) return info.revert();
    if (!(await movePost(item.id, start, before))) info.revert();
  };

  /** A post dropped from the drafts panel (or the day list). */
  const onDraftDrop = async (info: DropArg) => {
    const postId = info.draggedEl.dataset.postId;
    if (!postId) return;
    const at = new Date(slotInstant(info.date, info.allDay, shownZone));
    try {
      const before = await latest(postId);
      const previous = before.schedule?.local.slice(0, 16) ?? null;
      const done = await placeAt(postId, workspaceWallClock(at, workspaceZone));
      refresh();
      const key =
        done === 'proposed'
          ? 'postControl.proposedFor'
          : done === 'moved'
            ? 'calendar.moved'
            : 'calendar.scheduled';
      undoable(t(key, { when: when(at) }), () =>
        restore(postId, previous, before.status === 'scheduled', before.status === 'draft'),
      );
    } catch (e) {
      await refused(e, postId);
    }
  };

  /** A card dragged back onto the drafts panel: off the calendar, with Undo. */
  async function takeOff(item: CalendarItem): Promise<void> {
    try {
      const post = await latest(item.id);
      const ids = { workspaceId, postId: item.id };
      const previous = post.schedule?.local.slice(0, 16) ?? null;
      if (mayRun(role, facts(post), 'unschedule')) await unschedulePost(ids, post.version);
      else if (post.schedule && mayRun(role, facts(post), 'propose_time'))
        await proposeTime(ids, post.version, null);
      else {
        toast({ kind: 'info', message: t('postControl.cannotUnschedule') });
        return;
      }
      refresh();
      undoable(t('postControl.unscheduled'), () => restore(item.id, previous, post.status === 'scheduled'));
    } catch (e) {
      await refused(e, item.id);
    }
  }

  return { onEventDrop, onDraftDrop, movePost, takeOff };
}
