// One "Connect" button per network, as people know from Buffer: OAuth networks go to their own
// sign-in page (Mastodon asks the instance first), Bluesky asks handle + app password, a webhook
// asks its URL, the sandbox connects at once. Nobody types token names and values.
import { NETWORKS } from '@cadence/names';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, type Network, useChannels } from './channel-queries';
import { ConnectError } from './connect-error';
import { BlueskyForm, MastodonForm, WebhookForm } from './connect-forms';
import { OAUTH_NETWORKS, type OAuthNetwork, useAddChannel, useStartOAuth } from './connect-queries';

const isOAuth = (n: Network): n is OAuthNetwork => (OAUTH_NETWORKS as readonly string[]).includes(n);
type Asking = 'mastodon' | 'bluesky' | 'webhook';

interface Props {
  workspaceId: string;
  /** Where the browser goes for a network's sign-in page (tests watch it instead). */
  go?: (url: string) => void;
}

export function ConnectButtons({ workspaceId, go }: Props) {
  const { t } = useTranslation();
  const start = useStartOAuth(workspaceId, go);
  const add = useAddChannel(workspaceId);
  const [asking, setAsking] = useState<Asking | null>(null);
  const existing = useChannels(workspaceId).data ?? [];

  const choose = (network: Network) => {
    start.reset();
    add.reset();
    if (network === 'mastodon' || network === 'bluesky' || network === 'webhook') return setAsking(network);
    setAsking(null);
    if (network === 'sandbox') {
      // Numbered, so two sandbox channels can be told apart in the composer and on the calendar.
      const n = existing.filter((c) => c.network === 'sandbox').length + 1;
      return add.mutate({
        network: 'sandbox',
        displayName: `${t('networks.sandbox')} ${n}`,
        handle: `@sandbox-${n}`,
      });
    }
    if (isOAuth(network)) start.mutate({ network });
  };

  return (
    <section className="connect-channels" aria-labelledby="connect-title">
      <h2 id="connect-title">{t('channels.connect')}</h2>
      <ul className="connect-grid">
        {NETWORKS.map((n) => (
          <li key={n}>
            <button
              type="button"
              className={`btn connect-${n}`}
              aria-pressed={asking === n}
              disabled={start.isPending || add.isPending}
              onClick={() => choose(n)}
            >
              {t('channels.connectWith', { network: t(`networks.${n}`) })}
            </button>
          </li>
        ))}
      </ul>
      <ConnectError error={start.error ?? add.error} />
      {add.isSuccess && !asking && (
        <p role="status" className="form-success">
          {t('channels.connected')}
        </p>
      )}
      {asking === 'mastodon' && <MastodonForm workspaceId={workspaceId} {...(go ? { go } : {})} />}
      {asking === 'bluesky' && <BlueskyForm workspaceId={workspaceId} />}
      {asking === 'webhook' && <WebhookForm workspaceId={workspaceId} />}
    </section>
  );
}

/** "Needs reconnecting": sign in again at the network, keeping the channel and its posts. */
export function ReconnectButton({ workspaceId, channel, go }: Props & { channel: Channel }) {
  const { t } = useTranslation();
  const start = useStartOAuth(workspaceId, go);
  const [open, setOpen] = useState(false);
  const network = channel.network;
  if (!isOAuth(network) && network !== 'bluesky') return null;
  const click = () => {
    if (network === 'mastodon' || network === 'bluesky') return setOpen((o) => !o);
    if (isOAuth(network)) start.mutate({ network, channelId: channel.id });
  };
  // @name@instance: the instance is the part after the last @.
  const instance = network === 'mastodon' ? (channel.handle.split('@').at(-1) ?? '') : '';
  return (
    <div className="reconnect">
      <button type="button" className="btn btn-small btn-primary" onClick={click} disabled={start.isPending}>
        {t('channels.reconnect')}
      </button>
      <ConnectError error={start.error} />
      {open && network === 'mastodon' && (
        <MastodonForm
          workspaceId={workspaceId}
          channelId={channel.id}
          initialInstance={instance}
          {...(go ? { go } : {})}
        />
      )}
      {open && network === 'bluesky' && (
        <BlueskyForm workspaceId={workspaceId} channelId={channel.id} onDone={() => setOpen(false)} />
      )}
    </div>
  );
}
