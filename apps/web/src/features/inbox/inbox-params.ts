// The inbox's state lives in the URL (filters, order, the open item), so a view can be shared and
// Back works. Only known values pass: a hand-edited address never reaches the API as a 400.
import { INBOX_ORDERS, INBOX_STATUSES, NETWORKS } from '@cadence/names';
import type { InboxFilter } from './inbox-queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.find((x) => x === v);
const uuid = (v: string | null) => (v && UUID.test(v) ? v : undefined);

export function filterFromParams(params: URLSearchParams): InboxFilter {
  const assigneeRaw = params.get('assignee');
  const assignee = assigneeRaw === 'me' || assigneeRaw === 'none' ? assigneeRaw : uuid(assigneeRaw);
  const filter: InboxFilter = {
    // Open is where the work is: the screen starts there; "all" asks for every status.
    status:
      params.get('status') === 'all' ? undefined : (oneOf(INBOX_STATUSES, params.get('status')) ?? 'open'),
    network: oneOf(NETWORKS, params.get('network')),
    channelId: uuid(params.get('channelId')),
    campaignId: uuid(params.get('campaignId')),
    assignee,
    order: oneOf(INBOX_ORDERS, params.get('order')) ?? 'newest',
    pastTarget: params.get('pastTarget') === 'true' ? 'true' : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as InboxFilter;
}

/** A link the page may follow: http(s) only, anything else (javascript:, data:...) is no link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
