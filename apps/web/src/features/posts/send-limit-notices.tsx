// Scheduling succeeds even when a channel's send limit will make its posts leave late: the server
// then answers `sendLimitWarnings`. Schedules start from several screens (composer, calendar drop,
// move dialog, review), all through post-actions, so the warnings are announced there and shown
// here, in the layout every one of those screens shares, as a toast that outlives a navigation.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../ui/toast';
import { useChannels } from '../channels/channel-queries';
import { type SendLimitWarningView, sendLimitText } from './send-limit-text';

type Listener = (warnings: SendLimitWarningView[]) => void;
const listeners = new Set<Listener>();

/** Called with every schedule or reschedule answer; does nothing when there is no warning. */
export function announceSendLimits(post: { sendLimitWarnings?: SendLimitWarningView[] }): void {
  if (!post.sendLimitWarnings?.length) return;
  for (const listener of listeners) listener(post.sendLimitWarnings);
}

export function SendLimitNotices({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const channels = useChannels(workspaceId);
  useEffect(() => {
    const listener: Listener = (warnings) => {
      for (const warning of warnings) {
        const name =
          channels.data?.find((c) => c.id === warning.channelId)?.displayName ?? t('sendLimit.thisAccount');
        toast({ kind: 'info', message: sendLimitText(t, warning, name) });
      }
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [t, toast, channels.data]);
  return null;
}
