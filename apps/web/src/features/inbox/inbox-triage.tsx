// Status (open / waiting / done), snooze until a chosen time, and the assignee. Only editors and
// above triage (the API's rule): a viewer is told why instead of being offered buttons.
import { INBOX_STATUSES } from '@cadence/names';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { localToIso, toLocalInput } from '../../ui/time';
import type { Member } from '../settings/member-queries';
import { type InboxChange, type InboxItem, useChangeItem } from './inbox-queries';

interface Props {
  workspaceId: string;
  timeZone: string;
  item: InboxItem;
  members: Member[];
  canTriage: boolean;
  onDone: () => void;
}

export function InboxTriage({ workspaceId, timeZone, item, members, canTriage, onDone }: Props) {
  const { t } = useTranslation();
  const change = useChangeItem(workspaceId, item.id);
  const id = useId();
  const [until, setUntil] = useState(() => toLocalInput(new Date(Date.now() + 24 * 3600_000), timeZone));
  if (!canTriage) return <p className="muted inbox-readonly">{t('inbox.viewerOnly')}</p>;
  const send = (body: InboxChange, after?: () => void) => change.mutate(body, { onSuccess: after });
  const assignable = members.filter((m) => m.role !== 'viewer');
  const snoozed = item.snoozedUntil && Date.parse(item.snoozedUntil) > Date.now();
  return (
    <section className="inbox-triage" aria-label={t('inbox.triage')}>
      <fieldset className="inbox-status-buttons">
        <legend className="visually-hidden">{t('inbox.statusLabel')}</legend>
        {INBOX_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={s === item.status ? 'btn btn-primary' : 'btn'}
            aria-pressed={s === item.status}
            disabled={change.isPending}
            onClick={() => send({ status: s }, s === 'done' ? onDone : undefined)}
          >
            {t(`inbox.set.${s}`)}
          </button>
        ))}
      </fieldset>
      <div className="inbox-snooze">
        <span className="inbox-field">
          <label htmlFor={`${id}-until`}>{t('inbox.snoozeUntil')}</label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </span>
        <button
          type="button"
          className="btn"
          disabled={change.isPending || !until}
          onClick={() => send({ snoozedUntil: localToIso(until, timeZone) })}
        >
          {t('inbox.snooze')}
        </button>
        {snoozed && (
          <button
            type="button"
            className="btn"
            disabled={change.isPending}
            onClick={() => send({ snoozedUntil: null })}
          >
            {t('inbox.wake')}
          </button>
        )}
      </div>
      <span className="inbox-field">
        <label htmlFor={`${id}-assignee`}>{t('inbox.assignee')}</label>
        <select
          id={`${id}-assignee`}
          value={item.assigneeUserId ?? ''}
          disabled={change.isPending}
          onChange={(e) => send({ assigneeUserId: e.target.value || null })}
        >
          <option value="">{t('inbox.filter.unassigned')}</option>
          {assignable.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </span>
      <InlineError error={change.error} />
    </section>
  );
}
