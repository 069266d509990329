// A saved post as it will look on each of its channels (approximate previews).
import { useTranslation } from 'react-i18next';
import { useChannels } from '../channels/channel-queries';
import { NetworkPreview } from '../composer/network-preview';
import type { Post } from './post-queries';

export function PostPreviews({ workspaceId, post }: { workspaceId: string; post: Post }) {
  const { t } = useTranslation();
  const channels = useChannels(workspaceId);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  return (
    <div className="post-previews">
      <p className="muted">{t('composer.previewsApproximate')}</p>
      {post.targets.map((target) => {
        const channel = byId.get(target.channelId);
        return (
          <NetworkPreview
            key={target.id}
            network={target.network}
            name={channel?.displayName ?? t(`networks.${target.network}`)}
            handle={channel?.handle ?? ''}
            text={target.text ?? post.text}
            media={target.media ?? post.media}
            firstComment={target.firstComment ?? post.firstComment ?? ''}
          />
        );
      })}
    </div>
  );
}
