// The composer: channels and details on the left, the editor, live previews on the right, and the
// role's actions in a sticky bar. Ctrl/Cmd+S saves, Ctrl/Cmd+Enter runs the main action.
import type { CampaignRules, CharterRules } from '@cadence/domain/charter/schemas';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { InlineError } from '../../ui/states';
import { formatTime, localToIso, nextHourLocal } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { useCurrentWorkspace } from '../session/current-workspace';
import type { Post } from '../posts/post-queries';
import { ChannelPicker } from './channel-picker';
import { ComposerActions } from './composer-actions';
import { ComposerDetails } from './composer-details';
import { ComposerEditor } from './composer-editor';
import {
  type ComposerChannel,
  type ComposerDraft,
  emptyDraft,
  fromPost,
  mediaFor,
  networksOf,
  textFor,
} from './composer-model';
import { ConflictBanner } from './conflict-banner';
import { NetworkPreview } from './network-preview';
import { type Command, useComposerCommands } from './use-composer-commands';
import { useLiveChecks } from './use-live-checks';

interface CampaignOption {
  id: string;
  name: string;
  rules: CampaignRules;
}

interface ComposerFormProps {
  initialPost: Post | null;
  requestedLocal: string | null;
  channels: readonly ComposerChannel[];
  charter: CharterRules | undefined;
  campaigns: readonly CampaignOption[];
}

export function ComposerForm({
  initialPost,
  requestedLocal,
  channels,
  charter,
  campaigns,
}: ComposerFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { workspace } = useCurrentWorkspace();
  const tz = workspace.timezone;
  const [draft, setDraft] = useState<ComposerDraft>(() =>
    initialPost ? fromPost(initialPost) : emptyDraft(),
  );
  const [local, setLocal] = useState(
    () => initialPost?.schedule?.local.slice(0, 16) ?? requestedLocal ?? nextHourLocal(tz),
  );
  const commands = useComposerCommands({ workspaceId: workspace.id, channels, requestedLocal, initialPost });
  const { post } = commands;
  const isManager = roleAtLeast(workspace.role, 'manager');
  const networks = networksOf(draft, channels);
  const campaign = campaigns.find((c) => c.id === draft.campaignId)?.rules ?? null;
  const violations = useLiveChecks({
    draft,
    channels,
    charter,
    campaign,
    timezone: tz,
    scheduledAt: local ? localToIso(local, tz) : null,
  });
  const blocking = violations.some((v) => v.severity === 'block');
  const dirty =
    !commands.isSaved(draft) && (post !== null || draft.text !== '' || draft.channelIds.length > 0);
  const pillars = useMemo(() => charter?.rules.pillars ?? [], [charter]);

  const runCommand = async (command: Command) => {
    if (draft.channelIds.length === 0) {
      toast({ kind: 'error', message: t('composer.pickAChannel') });
      return;
    }
    const result = await commands.run(command, draft, local);
    if (!result) return;
    if (command === 'save') {
      if (!post) void navigate(`/posts/${result.id}/edit`, { replace: true });
      return;
    }
    toast({ kind: 'success', message: t(`composer.done.${command}`) });
    void navigate(`/posts/${result.id}`);
  };

  // Latest values through a ref-less closure: the listener is rebound when they change.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 's') {
        e.preventDefault();
        void runCommand('save');
      } else if (e.key === 'Enter' && !blocking) {
        e.preventDefault();
        void runCommand(
          isManager ? (post?.status === 'in_review' ? 'approveSchedule' : 'schedule') : 'submit',
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const status = post?.status ?? null;
  const byId = new Map(channels.map((c) => [c.id, c]));
  const summary = t('composer.publishNowSummary', {
    channels: draft.channelIds.map((id) => byId.get(id)?.displayName ?? '').join(', '),
  });

  return (
    <section className="page composer" aria-labelledby="composer-title">
      <header className="composer-head">
        <h1 id="composer-title">{post ? t('composer.editTitle') : t('composer.newTitle')}</h1>
        {status && <span className={`pill pill-${status}`}>{t(`status.${status}`)}</span>}
        <span className="muted" role="status">
          {commands.savedAt && !dirty
            ? t('composer.savedAt', { time: formatTime(commands.savedAt, i18n.language, tz) })
            : dirty
              ? t('composer.unsaved')
              : ''}
        </span>
      </header>
      {(status === 'approved' || status === 'scheduled') && (
        <p className="banner banner-info">{t('composer.editingApproved')}</p>
      )}
      {commands.conflict && (
        <ConflictBanner
          workspaceId={workspace.id}
          timeZone={tz}
          theirs={commands.conflict}
          myText={draft.text}
          onTakeTheirs={() => {
            if (commands.conflict) setDraft(fromPost(commands.conflict));
            commands.acceptTheirs();
          }}
          onKeepMine={commands.acceptTheirs}
        />
      )}
      <div className="composer-grid">
        <div className="composer-main">
          <ChannelPicker
            channels={channels}
            selected={draft.channelIds}
            onChange={(channelIds) => setDraft({ ...draft, channelIds })}
          />
          <ComposerEditor draft={draft} networks={networks} violations={violations} onChange={setDraft} />
          <ComposerDetails draft={draft} campaigns={campaigns} pillars={pillars} onChange={setDraft} />
        </div>
        <aside className="composer-previews" aria-label={t('composer.previews')}>
          <h2>{t('composer.previews')}</h2>
          <p className="muted">{t('composer.previewsApproximate')}</p>
          {draft.channelIds.length === 0 && <p className="muted">{t('composer.previewsEmpty')}</p>}
          {draft.channelIds.map((id) => {
            const c = byId.get(id);
            if (!c) return null;
            return (
              <NetworkPreview
                key={id}
                network={c.network}
                name={c.displayName}
                handle={c.handle}
                text={textFor(draft, c.network)}
                media={mediaFor(draft, c.network)}
                firstComment={draft.firstComment}
              />
            );
          })}
        </aside>
      </div>
      <footer className="composer-footer">
        <InlineError error={commands.error} />
        <ComposerActions
          isManager={isManager}
          status={status}
          blocking={blocking}
          running={commands.running}
          local={local}
          timeZone={tz}
          summary={summary}
          onLocalChange={setLocal}
          onCommand={(c) => void runCommand(c)}
        />
        {networks.length === 0 ? null : blocking && <p className="muted">{t('composer.blockedHint')}</p>}
      </footer>
    </section>
  );
}
