// What the network's sign-in page led to, as the server's callback tells it in the address
// (`?connected=<channel>&workspace=<id>` or `?connectError=<code>`): said once at the top of the
// channels screen, in words, in the workspace it concerns; then the address is cleaned.
import { CONNECT_CALLBACK_ERRORS, type ConnectCallbackError } from '@cadence/names';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentWorkspace } from '../session/current-workspace';
import type { Channel } from './channel-queries';

type Outcome = { kind: 'connected'; channelId: string } | { kind: 'failed'; code: ConnectCallbackError };

const isCode = (v: string | null): v is ConnectCallbackError =>
  (CONNECT_CALLBACK_ERRORS as readonly string[]).includes(v ?? '');

export function ConnectOutcome({ channels }: { channels: readonly Channel[] | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { session, workspace, selectWorkspace } = useCurrentWorkspace();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const connected = params.get('connected');
    const error = params.get('connectError');
    const target = params.get('workspace');
    if (!connected && !error) return;
    // The connection may have been started in another workspace than the one open now.
    if (target && target !== workspace.id && session.workspaces.some((w) => w.id === target)) {
      selectWorkspace(target);
    }
    setOutcome(
      connected
        ? { kind: 'connected', channelId: connected }
        : { kind: 'failed', code: isCode(error) ? error : 'network_refused' },
    );
    setParams({}, { replace: true });
  }, [params, setParams, selectWorkspace, session.workspaces, workspace.id]);

  if (!outcome) return null;
  if (outcome.kind === 'failed') {
    return (
      <p className="banner banner-warn" role="alert" data-testid="connect-outcome">
        {t(`channels.connectOutcome.${outcome.code}`)}
      </p>
    );
  }
  const channel = channels?.find((c) => c.id === outcome.channelId);
  return (
    <p className="banner banner-ok" role="status" data-testid="connect-outcome">
      {channel
        ? t('channels.connectOutcome.connected', {
            name: channel.displayName,
            network: t(`networks.${channel.network}`),
          })
        : t('channels.connectOutcome.connectedUnnamed')}
    </p>
  );
}
