// Moving posts on the calendar, by drag and drop or from the "Move to…" dialog: the server decides.
// A refusal puts a dragged card back with the reason; success offers Undo. Drafts dropped from the
// side panel are scheduled at the drop time. The calendar may show the viewer's zone, but the API
// always takes the wall-clock time in the workspace zone, so every instant is converted on the way
// out; a timed post moved to another day in month view keeps its time of day as shown.
import type { EventDropArg } from '@fullcalendar/core';
import type { DropArg } from '@fullcalendar/interaction';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { errorText } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { placePost, reschedulePost } from '../posts/post-actions';
import { postQuery } from '../posts/post-queries';
import { usePeople } from '../posts/use-people';
import type { CalendarItem } from './calendar-queries';
import { slotInstant, workspaceWallClock } from './landing-time';

export function useCalendarMoves(workspaceId: string, workspaceZone: string, shownZone: string) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const nameOf = usePeople(workspaceId);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['calendar', workspaceId] });
    void queryClient.invalidateQueries({ queryKey: ['posts', workspaceId] });
  };
  const latest = (postId: string) =>
    queryClient.fetchQuery({ ...postQuery(workspaceId, postId), staleTime: 0 });

  const failMessage = async (e: unknown, postId: string) => {
    if (!isApiError(e, 409)) return errorText(e, t('common.unexpectedError'));
    // Someone changed the post meanwhile: say who, when, and show the fresh state.
    const post = await latest(postId).catch(() => null);
    return post
      ? t('calendar.changedBy', {
          time: formatTime(post.updatedAt, i18n.language, shownZone),
          name: nameOf(post.author),
        })
      : e.message;
  };

  async function moveTo(postId: string, local: string) {
    const post = await latest(postId);
    return reschedulePost({ workspaceId, postId }, post.version, local);
  }

  /** Reschedules a post from one instant to another; true when the server agreed. */
  async function movePost(postId: string, to: Date, from: Date): Promise<boolean> {
    const previous = workspaceWallClock(from, workspaceZone);
    try {
      await moveTo(postId, workspaceWallClock(to, workspaceZone));
      refresh();
      toast({
        kind: 'success',
        message: t('calendar.moved', { when: formatTime(to, i18n.language, shownZone) }),
        action: {
          label: t('common.undo'),
          onClick: () =>
            void moveTo(postId, previous).then(refresh, (e: unknown) =>
              toast({ kind: 'error', message: errorText(e, t('common.unexpectedError')) }),
            ),
        },
      });
      return true;
    } catch (e) {
      toast({ kind: 'error', message: t('calendar.moveRefused', { reason: await failMessage(e, postId) }) });
      refresh();
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
    if (!(await movePost(item.postId, start, before))) info.revert();
  };

  /** A draft or approved post dropped from the side panel. */
  const onDraftDrop = async (info: DropArg) => {
    const postId = info.draggedEl.dataset.postId;
    if (!postId) return;
    const at = slotInstant(info.date, info.allDay, shownZone);
    try {
      const post = await latest(postId);
      await placePost({ workspaceId, postId }, post, { local: workspaceWallClock(at, workspaceZone) });
      refresh();
      toast({
        kind: 'success',
        message: t('calendar.scheduled', { when: formatTime(new Date(at), i18n.language, shownZone) }),
      });
    } catch (e) {
      toast({ kind: 'error', message: t('calendar.moveRefused', { reason: await failMessage(e, postId) }) });
    }
  };

  return { onEventDrop, onDraftDrop, movePost };
}
