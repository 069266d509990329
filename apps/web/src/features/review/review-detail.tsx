// One post under review: previews, what changed since my last review, the charter's findings, the
// conversation, and the decision (Approve, Approve & schedule, Request changes with a comment).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import { formatTime, nextHourLocal } from '../../ui/time';
import { useToast } from '../../ui/toast';
import { approveGate, gateFor } from '../posts/approval-gate';
import { approvePost, placePost, requestChanges } from '../posts/post-actions';
import { PostConversation } from '../posts/post-conversation';
import { PostPreviews } from '../posts/post-previews';
import { type Post, usePost, usePostHistory, useRefreshPosts } from '../posts/post-queries';
import { usePeople } from '../posts/use-people';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ReviewChanges } from './review-changes';
import { baseRevision, lastDecision, snapshotOfRevision, usePostRevision } from './review-revision';
import { lastReview, rememberReview } from './review-snapshot';
import { messageText } from '../../ui/message-text';

export function ReviewDetail({ postId, onDecided }: { postId: string; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const { workspace, session } = useCurrentWorkspace();
  const ids = { workspaceId: workspace.id, postId };
  const isManager = roleAtLeast(workspace.role, 'manager');
  const post = usePost(workspace.id, postId);
  const history = usePostHistory(workspace.id, postId);
  const refresh = useRefreshPosts(workspace.id);
  const nameOf = usePeople(workspace.id);
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const shortcuts = useRef<{ approve?: () => void }>({});
  const decision = history.data ? lastDecision(history.data, session.user.id) : null;
  const decidedOn = post.data ? baseRevision(decision, post.data.contentRevision) : null;
  const revision = usePostRevision(workspace.id, postId, decidedOn);

  // A approves, R goes to the comment box to request changes (not while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (
        (e.target as HTMLElement | null)?.closest('input, textarea, select, [role="dialog"], [role="menu"]')
      )
        return;
      if (e.key === 'a') shortcuts.current.approve?.();
      else if (e.key === 'r') {
        e.preventDefault();
        commentRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (post.isPending) return <Loading />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  const p = post.data;
  // The server's revision when it has one; the browser's copy for posts older than revisions.
  const changesLoading = history.isPending || revision.isLoading;
  const snapshot =
    decision && revision.data
      ? snapshotOfRevision(revision.data, decision.decidedAt)
      : lastReview(session.user.id, p.id);
  const blocking = p.violations.filter((v) => v.severity === 'block');
  const me = { userId: session.user.id, role: workspace.role };
  // The server's four-eyes and policy rules, checked before offering the buttons.
  const mayApprove = approveGate(p, me);
  const gate = gateFor(p, me);
  const mayApproveAndSchedule =
    mayApprove.ok && (gate.may === 'approveAndSchedule' || gate.may === 'schedule');
  const when = local ?? p.schedule?.local.slice(0, 16) ?? nextHourLocal(workspace.timezone);

  const decide = async (kind: 'approve' | 'approveSchedule' | 'changes') => {
    if (kind === 'changes' && !comment.trim()) {
      setError(new Error(t('review.commentRequired')));
      commentRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let result: Post;
      if (kind === 'changes') result = await requestChanges(ids, p.version, comment.trim());
      else {
        result = await approvePost(ids, p, comment.trim() || undefined);
        if (kind === 'approveSchedule' && result.status === 'approved')
          result = await placePost(ids, result, { local: when });
      }
      rememberReview(session.user.id, p);
      setComment('');
      refresh(result);
      toast({ kind: 'success', message: t(`review.done.${kind}`) });
      onDecided();
    } catch (e) {
      // A stale revision: someone submitted a new version while this one was read.
      if (isApiError(e, 409)) void post.refetch();
      setError(isApiError(e, 409) ? new Error(t('review.newVersion')) : e);
    } finally {
      setBusy(false);
    }
  };

  shortcuts.current.approve =
    p.status === 'in_review' && mayApprove.ok && blocking.length === 0 && !busy
      ? () => void decide('approve')
      : undefined;

  return (
    <article className="review-detail" aria-labelledby="review-detail-title">
      <header className="post-head">
        <h2 id="review-detail-title">{t('review.detailTitle', { name: nameOf(p.author) })}</h2>
        <span className={`pill pill-${p.status}`}>{t(`status.${p.status}`)}</span>
        {p.schedule && <span>{formatTime(p.schedule.at, i18n.language, workspace.timezone)}</span>}
      </header>
      <section aria-labelledby="changes-title">
        <h3 id="changes-title">{t('review.whatChanged')}</h3>
        {changesLoading ? (
          <Loading />
        ) : (
          <ReviewChanges
            workspaceId={workspace.id}
            post={p}
            snapshot={snapshot}
            history={history.data ?? []}
          />
        )}
      </section>
      {p.violations.length > 0 && (
        <section aria-labelledby="findings-title">
          <h3 id="findings-title">{t('composer.checks')}</h3>
          <ul className="check-list">
            {p.violations.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
              <li key={i} className={`check check-${v.severity}`}>
                <span aria-hidden="true">{v.severity === 'block' ? '⛔' : '⚠'}</span>{' '}
                {v.network && <span className="chip chip-small">{t(`networks.${v.network}`)}</span>}{' '}
                {messageText(v)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <PostPreviews workspaceId={workspace.id} post={p} />
      {p.status === 'in_review' && isManager ? (
        <fieldset className="decision">
          <legend className="visually-hidden">{t('review.decision')}</legend>
          <label htmlFor="review-comment">{t('review.comment')}</label>
          <textarea
            id="review-comment"
            ref={commentRef}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {mayApproveAndSchedule && (
            <div className="field">
              <label htmlFor="review-when">{t('composer.when', { zone: workspace.timezone })}</label>
              <input
                id="review-when"
                type="datetime-local"
                value={when}
                onChange={(e) => setLocal(e.target.value)}
              />
            </div>
          )}
          <InlineError error={error} />
          <div className="button-group">
            {mayApprove.ok && (
              <button
                type="button"
                className="btn"
                disabled={busy || blocking.length > 0}
                onClick={() => void decide('approve')}
                aria-keyshortcuts="A"
              >
                {t('review.approve')}
              </button>
            )}
            {mayApproveAndSchedule && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy || blocking.length > 0}
                onClick={() => void decide('approveSchedule')}
              >
                {t('review.approveSchedule')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => void decide('changes')}
              aria-keyshortcuts="R"
            >
              {t('review.requestChanges')}
            </button>
          </div>
          {blocking.length > 0 && <p className="muted">{t('review.blocked')}</p>}
          {!mayApprove.ok ? (
            <p className="muted gate-reason" data-testid="gate-reason">
              {t('refusals.own_content')}
            </p>
          ) : (
            !mayApproveAndSchedule && (
              <p className="muted gate-reason" data-testid="gate-reason">
                {t('approvalGate.moreApprovals', { count: p.approvalsRequired })}
              </p>
            )
          )}
          <p className="muted">
            {t('review.approvals', { count: p.approvals.length, required: p.approvalsRequired })}
          </p>
        </fieldset>
      ) : (
        <div className="banner banner-info">
          <p>{t('review.notInReview', { status: t(`status.${p.status}`) })}</p>
          {p.status === 'changes_requested' && (
            <Link className="btn btn-primary" to={`/posts/${p.id}/edit`}>
              {t('review.editPost')}
            </Link>
          )}
        </div>
      )}
      <PostConversation workspaceId={workspace.id} postId={p.id} timeZone={workspace.timezone} />
    </article>
  );
}
