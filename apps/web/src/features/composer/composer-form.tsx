// The composer: channels and details on the left, the editor, live previews on the right, and the
// role's actions in a sticky bar. Ctrl/Cmd+S saves, Ctrl/Cmd+Enter runs the main action. Drafts
// save themselves (use-autosave.ts); the address becomes the post's once it exists.
import type { CampaignRules, CharterRules } from '@cadence/domain/charter/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { InlineError } from '../../ui/states';
import { formatTime, localToIso, nextHourLocal } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { useCurrentWorkspace } from '../session/current-workspace';
import { afterMySave, gateFor } from '../posts/approval-gate';
import { PostCommands } from '../posts/post-commands';
import type { Post } from '../posts/post-queries';
import { ChannelPicker } from './channel-picker';
import { ComposerActions } from './composer-actions';
import { useMediaCache, useMediaItems } from '../media/media-queries';
import { ComposerDetails } from './composer-details';
import { ComposerMediaContext } from './composer-media-context';
import { ComposerEditor } from './composer-editor';
import {
  type ComposerChannel,
  type ComposerDraft,
  emptyDraft,
  withOnlyChannel,
  fromPost,
  mediaFor,
  networksOf,
  textFor,
} from './composer-model';
import { ComposerWhen } from './composer-when';
import { ConflictBanner } from './conflict-banner';
import { useNextCommonSlot } from './next-slot';
import { ReviewerNotes } from './reviewer-notes';
import { useAutosave } from './use-autosave';
import { useLeaveWarning } from './use-leave-warning';
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
  /** Told when this composer creates its post, so the page keeps it mounted at the new address. */
  onCreated?: (postId: string) => void;
}

const AUTOSAVED = new Set<string | null>([null, 'draft', 'changes_requested']);

export function ComposerForm({
  initialPost,
  requestedLocal,
  channels,
  charter,
  campaigns,
  onCreated,
}: ComposerFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { workspace, session } = useCurrentWorkspace();
  const tz = workspace.timezone;
  // A new post in a workspace with one usable channel goes to it: one click fewer for a lone owner.
  const [draft, setDraft] = useState<ComposerDraft>(() =>
    initialPost ? fromPost(initialPost) : withOnlyChannel(emptyDraft(), channels),
  );
  const [pristine] = useState(draft);
  // The date field: empty is "no date yet"; Schedule ▾ offers the next hour when it is empty.
  const [when, setWhen] = useState(() => initialPost?.schedule?.local.slice(0, 16) ?? requestedLocal ?? '');
  const [pristineWhen] = useState(when);
  const [fallbackLocal] = useState(() => nextHourLocal(tz));
  const local = when || fallbackLocal;
  const created = useCallback(
    (p: Post) => {
      onCreated?.(p.id);
      void navigate(`/posts/${p.id}/edit`, { replace: true });
    },
    [navigate, onCreated],
  );
  const commands = useComposerCommands({
    workspaceId: workspace.id,
    channels,
    requestedLocal,
    initialPost,
    onCreated: created,
  });
  const { post } = commands;
  const isManager = roleAtLeast(workspace.role, 'manager');
  const networks = networksOf(draft, channels);
  const campaign = campaigns.find((c) => c.id === draft.campaignId)?.rules ?? null;
  const mediaIds = [draft.media, ...Object.values(draft.mediaOverrides)].flatMap((list) =>
    (list ?? []).flatMap((m) => (m.mediaId ? [m.mediaId] : [])),
  );
  const library = useMediaItems(workspace.id, mediaIds);
  const mediaCache = useMediaCache(workspace.id);
  const violations = useLiveChecks({
    draft,
    channels,
    charter,
    campaign,
    timezone: tz,
    scheduledAt: local ? localToIso(local, tz) : null,
    library,
  });
  const mediaContext = useMemo(
    () => ({ workspaceId: workspace.id, draft, violations, library, remember: mediaCache.remember }),
    [workspace.id, draft, violations, library, mediaCache.remember],
  );
  const blocking = violations.some((v) => v.severity === 'block');
  // A new post counts as typed work once touched (the preselected channel alone is not work).
  const dirty =
    !commands.isSaved(draft, when) && (post !== null || draft !== pristine || when !== pristineWhen);
  const status = post?.status ?? null;
  const me = { userId: session.user.id, role: workspace.role };
  const gate = isManager
    ? gateFor(afterMySave(post, post !== null && !commands.isSaved(draft, when), me, workspace), me)
    : null;
  const autosaves =
    AUTOSAVED.has(status) && draft.channelIds.length > 0 && !commands.conflict && commands.running === null;
  useAutosave({
    enabled: autosaves,
    dirty,
    contentKey: `${JSON.stringify(draft)}|${when}`,
    save: () => commands.autosave(draft, when),
  });
  // Work that cannot save itself (an approved post's edit, a text without a channel) is not left silently.
  useLeaveWarning(dirty && !autosaves, t('postControl.leaveUnsaved'));
  const nextSlot = useNextCommonSlot(workspace.id, draft.channelIds, isManager);
  const pillars = useMemo(() => charter?.rules.pillars ?? [], [charter]);

  const runCommand = async (command: Command) => {
    if (draft.channelIds.length === 0) {
      toast({ kind: 'error', message: t('composer.pickAChannel') });
      return;
    }
    const result = await commands.run(command, draft, when, local);
    if (!result) return;
    if (command === 'save') return;
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
        const main =
          gate?.may === 'approveAndSchedule'
            ? 'approveSchedule'
            : gate?.may === 'schedule'
              ? 'schedule'
              : 'submit';
        if (main === 'submit' && !['draft', 'changes_requested', undefined].includes(post?.status)) return;
        void runCommand(main);
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

  const byId = new Map(channels.map((c) => [c.id, c]));
  const summary = t('composer.publishNowSummary', {
    channels: draft.channelIds.map((id) => byId.get(id)?.displayName ?? '').join(', '),
  });

  return (
    <section className="page composer" aria-labelledby="composer-title">
      <header className="composer-head">
        <h1 id="composer-title">{post ? t('composer.editTitle') : t('composer.newTitle')}</h1>
        {status && <span className={`pill pill-${status}`}>{t(`status.${status}`)}</span>}
        <span className="muted save-state" role="status" data-testid="save-state">
          {commands.autosaving
            ? t('composer.saving')
            : commands.savedAt && !dirty
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
      <ComposerMediaContext.Provider value={mediaContext}>
        <div className="composer-grid">
          <div className="composer-main">
            {post && <ReviewerNotes workspaceId={workspace.id} postId={post.id} timeZone={tz} />}
            <ChannelPicker
              channels={channels}
              selected={draft.channelIds}
              onChange={(channelIds) => setDraft({ ...draft, channelIds })}
            />
            <ComposerEditor draft={draft} networks={networks} violations={violations} onChange={setDraft} />
            <ComposerWhen
              value={when}
              timeZone={tz}
              isManager={isManager}
              status={status}
              onChange={setWhen}
            />
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
      </ComposerMediaContext.Provider>
      <footer className="composer-footer">
        <InlineError error={commands.error} />
        <ComposerActions
          gate={gate}
          status={status}
          blocking={blocking}
          running={commands.running}
          local={local}
          timeZone={tz}
          summary={summary}
          nextSlot={nextSlot ? formatTime(localToIso(nextSlot, tz) ?? nextSlot, i18n.language, tz) : null}
          onLocalChange={setWhen}
          onCommand={(c) => void runCommand(c)}
        />
        {networks.length === 0 ? null : blocking && <p className="muted">{t('composer.blockedHint')}</p>}
        {post && <PostCommands post={post} afterDelete="/calendar" compact />}
      </footer>
    </section>
  );
}
