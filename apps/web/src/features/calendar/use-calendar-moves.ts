// Drag and drop on the calendar: the card has already moved (optimistic); the server decides. A
// refusal puts it back with the reason; success offers Undo. Drafts dropped from the side panel
// are scheduled at the drop time. Times are wall-clock in the workspace zone, so a timed post
// moved to another day in month view keeps its time of day.
import type { EventDropArg } from '@fullcalendar/core';
import type { DropArg } from '@fullcalendar/interaction';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { errorText } from '../../ui/states';
import { formatTime, toLocalInput } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { placePost, reschedulePost } from '../posts/post-actions';
import { postQuery } from '../posts/post-queries';
import { usePeople } from '../posts/use-people';
import type { CalendarItem } from './calendar-queries';

export function useCalendarMoves(workspaceId: string, timeZone: string) {
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
          time: formatTime(post.updatedAt, i18n.language, timeZone),
          name: nameOf(post.author),
        })
      : e.message;
  };

  async function moveTo(postId: string, local: string) {
    const post = await latest(postId);
    return reschedulePost({ workspaceId, postId }, post.version, local);
  }

  const onEventDrop = async (info: EventDropArg) => {
    const item = info.event.extendedProps as CalendarItem;
    const start = info.event.start;
    const before = info.oldEvent.start;
    if (!start || !before) return info.revert();
    const local = toLocalInput(start, timeZone);
    const previous = toLocalInput(before, timeZone);
    try {
      await moveTo(item.postId, local);
      refresh();
      toast({
        kind: 'success',
        message: t('calendar.moved', { when: formatTime(start, i18n.language, timeZone) }),
        action: {
          label: t('common.undo'),
          onClick: () =>
            void moveTo(item.postId, previous).then(refresh, (e: unknown) =>
              toast({ kind: 'error', message: errorText(e, t('common.unexpectedError')) }),
            ),
        },
      });
    } catch (e) {
      info.revert();
      toast({
        kind: 'error',
        message: t('calendar.moveRefused', { reason: await failMessage(e, item.postId) }),
      });
      refresh();
    }
  };

  /** A draft or approved post dropped from the side panel. */
  const onDraftDrop = async (info: DropArg) => {
    const postId = info.draggedEl.dataset.postId;
    if (!postId) return;
    // A drop on a day in month view means that day at 09:00.
    const local = info.allDay
      ? `${toLocalInput(info.date, timeZone).slice(0, 10)}T09:00`
      : toLocalInput(info.date, timeZone);
    try {
      const post = await latest(postId);
      await placePost({ workspaceId, postId }, post, { local });
      refresh();
      toast({ kind: 'success', message: t('calendar.scheduled', { when: local.replace('T', ' ') }) });
    } catch (e) {
      toast({ kind: 'error', message: t('calendar.moveRefused', { reason: await failMessage(e, postId) }) });
    }
  };

  return { onEventDrop, onDraftDrop };
}
