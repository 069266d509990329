// Turns CSV rows into post inputs and maps problems back to the row and column they came from.
// Pure: the workspace's channels come in as a list.
import type { AppError } from '../errors';
import type { PostCreate } from '../posts/schemas';
import { unguardCell } from './csv-cells';
import type { RowError } from './schemas';

export const IMPORT_COLUMNS = [
  'text',
  'channels',
  'link',
  'first_comment',
  'campaign_id',
  'pillar',
  'labels',
  'requested_local',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['text', 'channels'];

/** Several channels or labels in one cell are separated by a vertical bar. */
const LIST_SEPARATOR = '|';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ChannelRef {
  id: string;
  displayName: string;
  handle: string;
}

/** Channels are named by id, display name or handle (case-insensitive); a name two channels share is refused. */
export function channelResolver(channels: readonly ChannelRef[]) {
  const byName = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    const key = name.trim().toLowerCase();
    const ids = byName.get(key) ?? [];
    if (!ids.includes(id)) byName.set(key, [...ids, id]);
  };
  for (const c of channels) {
    add(c.id, c.id);
    add(c.displayName, c.id);
    add(c.handle, c.id);
  }
  return (name: string): { id: string } | { error: string } => {
    const ids = byName.get(name.trim().toLowerCase()) ?? [];
    if (ids.length === 1 && ids[0]) return { id: ids[0] };
    if (ids.length > 1) return { error: `"${name}" names ${ids.length} channels: use the channel id` };
    return { error: `no channel "${name}" in this workspace` };
  };
}

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');

const optional = (cell: string | undefined) =>
  cell === undefined || cell.trim() === '' ? undefined : cell.trim();

/** One row to a post input, or the problems that stop it. `row` is the spreadsheet row number. */
export function rowToPost(
  record: Partial<Record<ImportColumn, string>>,
  row: number,
  resolve: ReturnType<typeof channelResolver>,
): { input: PostCreate; errors: RowError[] } {
  const errors: RowError[] = [];
  const targets: { channelId: string }[] = [];
  for (const name of list(record.channels)) {
    const found = resolve(name);
    if ('id' in found) targets.push({ channelId: found.id });
    else errors.push({ row, field: 'channels', message: found.error });
  }
  if (list(record.channels).length === 0)
    errors.push({ row, field: 'channels', message: 'name at least one channel' });
  const campaignId = optional(record.campaign_id);
  if (campaignId !== undefined && !UUID.test(campaignId)) {
    errors.push({ row, field: 'campaign_id', message: 'must be a campaign id' });
  }
  const link = optional(record.link);
  const firstComment =
    record.first_comment === undefined || record.first_comment === ''
      ? undefined
      : unguardCell(record.first_comment);
  const pillarId = optional(record.pillar);
  const local = optional(record.requested_local)?.replace(' ', 'T');
  const input: PostCreate = {
    text: unguardCell(record.text ?? ''),
    targets,
    labels: list(record.labels),
    ...(link !== undefined ? { link } : {}),
    ...(firstComment !== undefined ? { firstComment } : {}),
    ...(campaignId !== undefined && UUID.test(campaignId) ? { campaignId } : {}),
    ...(pillarId !== undefined ? { pillarId } : {}),
    ...(local !== undefined ? { requestedSchedule: { local } } : {}),
  };
  return { input, errors };
}

// Fields of the post input, by first path segment, back to the CSV column they came from.
const COLUMN_OF: Record<string, ImportColumn> = {
  text: 'text',
  targets: 'channels',
  link: 'link',
  firstComment: 'first_comment',
  campaignId: 'campaign_id',
  pillarId: 'pillar',
  labels: 'labels',
  requestedSchedule: 'requested_local',
  local: 'requested_local',
  timezone: 'requested_local',
};

function columnOfField(field: string): string {
  // "body.targets.0.channelId" -> "targets"; "body.local" -> "local".
  const segment = field.split('.')[1] ?? '';
  return COLUMN_OF[segment] ?? 'row';
}

/** An error from validating or creating a row, as row errors naming CSV columns. */
export function rowErrorsOf(err: AppError, row: number): RowError[] {
  const details = err.details;
  if (Array.isArray(details) && details.length > 0) {
    return details.map((d: { field?: string; message?: string }) => ({
      row,
      field: columnOfField(String(d.field ?? '')),
      message: String(d.message ?? err.message),
    }));
  }
  const reason = (details as { reason?: string; field?: string } | undefined) ?? {};
  let field = 'row';
  if (reason.reason === 'nonexistent_local_time' || reason.reason === 'in_the_past')
    field = 'requested_local';
  else if (reason.field && COLUMN_OF[reason.field]) field = COLUMN_OF[reason.field] ?? 'row';
  else if (err.code === 'not_found' && err.message.startsWith('Campaign')) field = 'campaign_id';
  else if (err.code === 'not_found' && err.message.startsWith('Channel')) field = 'channels';
  return [{ row, field, message: err.message }];
}
