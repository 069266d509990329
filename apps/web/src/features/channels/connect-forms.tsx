// The small forms some networks need before connecting: Mastodon's instance, Bluesky's handle and
// app password, a webhook's URL (then its generated secret, shown this once with a copy button).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';
import { ConnectError } from './connect-error';
import { useAddChannel, useConnectBluesky, useStartOAuth } from './connect-queries';

interface FormProps {
  workspaceId: string;
  /** Reconnect this channel instead of adding one. */
  channelId?: string;
  go?: (url: string) => void;
}

export function MastodonForm({
  workspaceId,
  channelId,
  go,
  initialInstance = '',
}: FormProps & { initialInstance?: string }) {
  const { t } = useTranslation();
  const start = useStartOAuth(workspaceId, go);
  const [instance, setInstance] = useState(initialInstance);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (instance.trim())
      start.mutate({
        network: 'mastodon',
        instanceUrl: instance.trim(),
        ...(channelId ? { channelId } : {}),
      });
  };
  return (
    <form className="form connect-form" onSubmit={submit} noValidate>
      <TextField
        label={t('channels.mastodonInstance')}
        hint={t('channels.mastodonInstanceHint')}
        placeholder="mastodon.social"
        value={instance}
        onChange={(e) => setInstance(e.target.value)}
        required
      />
      <ConnectError error={start.error} />
      <button type="submit" className="btn btn-primary" disabled={start.isPending || !instance.trim()}>
        {t('channels.continueTo', { network: t('networks.mastodon') })}
      </button>
    </form>
  );
}

export function BlueskyForm({ workspaceId, channelId, onDone }: FormProps & { onDone?: () => void }) {
  const { t } = useTranslation();
  const connect = useConnectBluesky(workspaceId);
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    connect.mutate(
      { identifier: identifier.trim(), appPassword, ...(channelId ? { channelId } : {}) },
      {
        onSuccess: () => {
          setAppPassword('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form className="form connect-form" onSubmit={submit} noValidate>
      <TextField
        label={t('channels.blueskyHandle')}
        placeholder="name.bsky.social"
        autoComplete="username"
        value={identifier}
        onChange={(e) => setIdentifier(e.target.value)}
      />
      <TextField
        label={t('channels.blueskyAppPassword')}
        hint={t('channels.blueskyAppPasswordHint')}
        type="password"
        autoComplete="off"
        value={appPassword}
        onChange={(e) => setAppPassword(e.target.value)}
      />
      <ConnectError error={connect.error} />
      {connect.isSuccess && (
        <p role="status" className="form-success">
          {t('channels.connected')}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={connect.isPending || identifier.trim().length < 3 || !appPassword}
      >
        {t('channels.connectSubmit')}
      </button>
    </form>
  );
}

export function WebhookForm({ workspaceId }: FormProps) {
  const { t } = useTranslation();
  const add = useAddChannel(workspaceId);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = url.trim();
    let handle = trimmed;
    try {
      handle = new URL(trimmed).host;
    } catch {
      // The server judges the address and says what is wrong with it.
    }
    add.mutate({
      network: 'webhook',
      displayName: name.trim() || handle || t('networks.webhook'),
      handle: handle || 'webhook',
      credentials: { url: trimmed },
    });
  };
  const secret = add.data?.webhookSecret;
  if (secret)
    return (
      <div className="form connect-form" role="status">
        <p className="form-success">{t('channels.connected')}</p>
        <p>{t('channels.webhookSecretOnce')}</p>
        <code className="secret-once" translate="no">
          {secret}
        </code>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? t('channels.copied') : t('channels.copy')}
        </button>
      </div>
    );
  return (
    <form className="form connect-form" onSubmit={submit} noValidate>
      <TextField label={t('channels.displayName')} value={name} onChange={(e) => setName(e.target.value)} />
      <TextField
        label={t('channels.webhookUrl')}
        placeholder="https://example.org/cadence"
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <ConnectError error={add.error} />
      <button type="submit" className="btn btn-primary" disabled={add.isPending || !url.trim()}>
        {t('channels.connectSubmit')}
      </button>
    </form>
  );
}
