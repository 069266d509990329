// Reply approval in the conversation: a pending reply shows Approve and Send back (a comment is
// required) to managers other than its author; a reply sent back shows the manager's comment.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { type Conversation, useReviewReply } from './inbox-queries';

type Reply = Conversation['replies'][number];

interface Props {
  workspaceId: string;
  reply: Reply;
  canReview: boolean;
  memberNames: Map<string, string>;
}

export function InboxReplyReview({ workspaceId, reply, canReview, memberNames }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const review = useReviewReply(workspaceId);
  const [comment, setComment] = useState<string | null>(null);
  if (reply.status === 'returned') {
    const by = reply.reviewedByUserId ? memberNames.get(reply.reviewedByUserId) : undefined;
    return (
      <p className="inbox-review-comment">
        {t('inbox.approval.returnedBy', { name: by ?? t('inbox.someone') })} {reply.reviewComment}
      </p>
    );
  }
  if (reply.status !== 'pending_approval' || !canReview) return null;
  return (
    <div className="inbox-review">
      {comment === null ? (
        <div className="inbox-review-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={review.isPending}
            onClick={() => review.mutate({ replyId: reply.id })}
          >
            {t('inbox.approval.approve')}
          </button>
          <button type="button" className="btn" onClick={() => setComment('')}>
            {t('inbox.approval.sendBack')}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) review.mutate({ replyId: reply.id, comment: comment.trim() });
          }}
        >
          <label htmlFor={`${id}-comment`}>{t('inbox.approval.comment')}</label>
          <textarea
            id={`${id}-comment`}
            value={comment}
            rows={2}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="inbox-review-actions">
            <button type="submit" className="btn btn-primary" disabled={review.isPending || !comment.trim()}>
              {t('inbox.approval.sendBackConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setComment(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <InlineError error={review.error} />
    </div>
  );
}
