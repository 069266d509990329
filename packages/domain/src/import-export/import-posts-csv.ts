// CSV import of drafts, all or nothing: a spreadsheet is fixed and uploaded again, so importing
// its good rows now would duplicate them on the next upload. Every row is checked (syntax, channels,
// fields, then the real creation in a transaction); any problem answers with the full per-row
// report and nothing is kept. `dryRun` runs the same checks and rolls back. Rows that pass the
// checks on their own are still created (and rolled back) when others fail, so that problems only
// the database can see (a campaign of another workspace, a time in a DST gap) are reported too.
import { channels, type Db } from '@cadence/db';
import { CsvError, parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { AppError, invalidField, sayError, unprocessable } from '../errors';
import { createPost } from '../posts/create-post';
import { parseInput } from '../posts/parse-input';
import { type PostCreate, postCreateSchema } from '../posts/schemas';
import { assertRole } from '../posts/workflow';
import {
  channelResolver,
  IMPORT_COLUMNS,
  type ImportColumn,
  REQUIRED_COLUMNS,
  rowErrorsOf,
  rowToPost,
} from './csv-rows';
import { MAX_IMPORT_ROWS, type RowError } from './schemas';
import { yieldToEventLoop } from './yield-to-event-loop';

const badCsv = (errors: RowError[]) =>
  errors[0]?.row === 1 && errors[0].message === EMPTY_FILE
    ? sayError('validation_failed', 'errors.importExport.csvEmpty', {}, { errors })
    : sayError(
        'validation_failed',
        'errors.importExport.csvUnreadable',
        { line: errors[0]?.row ?? 0 },
        { errors },
      );
const EMPTY_FILE = 'the file is empty: a header row is required';

function readCsv(csv: string): { header: string[]; rows: string[][] } {
  let table: string[][];
  try {
    // Header plus the row cap plus one, to tell "exactly the cap" from "over it" without reading more.
    table = parse(csv, { bom: true, skip_empty_lines: true, to: MAX_IMPORT_ROWS + 2 });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw badCsv([{ row: line, field: 'row', message: err.message }]);
    }
    throw err;
  }
  const [header, ...rows] = table;
  if (!header) throw badCsv([{ row: 1, field: 'row', message: EMPTY_FILE }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalidField('body', 'too_many_rows', { max: MAX_IMPORT_ROWS }, 'payload_too_large');
  }
  return { header: header.map((h) => h.trim().toLowerCase()), rows };
}

function checkHeader(header: string[]): ImportColumn[] {
  const errors: RowError[] = [];
  const known = new Set<string>(IMPORT_COLUMNS);
  header.forEach((h, i) => {
    if (!known.has(h))
      errors.push({
        row: 1,
        field: h || `column ${i + 1}`,
        message: `unknown column; use ${IMPORT_COLUMNS.join(', ')}`,
      });
    else if (header.indexOf(h) !== i) errors.push({ row: 1, field: h, message: 'column appears twice' });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!header.includes(required)) errors.push({ row: 1, field: required, message: 'column is required' });
  }
  if (errors.length > 0) throw badCsv(errors);
  return header as ImportColumn[];
}

class RollBack extends Error {}

export async function importPostsCsv(
  deps: { db: Db; clock: () => Date },
  actor: Actor,
  input: { csv: string; dryRun: boolean },
) {
  assertRole(actor.role, 'create');
  const { header, rows } = readCsv(input.csv);
  const columns = checkHeader(header);
  const workspaceChannels = await deps.db
    .select({ id: channels.id, displayName: channels.displayName, handle: channels.handle })
    .from(channels)
    .where(eq(channels.workspaceId, actor.workspaceId));
  const resolve = channelResolver(workspaceChannels);

  const errors: RowError[] = [];
  const inputs: { row: number; input: PostCreate }[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const record = Object.fromEntries(columns.map((c, j) => [c, cells[j]])) as Partial<
      Record<ImportColumn, string>
    >;
    const mapped = rowToPost(record, row, resolve);
    errors.push(...mapped.errors);
    if (mapped.errors.length > 0) return;
    try {
      inputs.push({ row, input: parseInput(postCreateSchema, mapped.input) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push(...rowErrorsOf(err, row));
    }
  });
  if (rows.length === 0) throw badCsv([{ row: 2, field: 'row', message: 'the file has no post rows' }]);

  const created: { row: number; id: string }[] = [];
  try {
    await deps.db.transaction(async (tx) => {
      for (const { row, input: post } of inputs) {
        try {
          // Each row in a savepoint: a failing row rolls back alone and the others are still checked.
          const view = await createPost({ db: tx, clock: deps.clock }, actor, post);
          created.push({ row, id: view.id });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          errors.push(...rowErrorsOf(err, row));
        }
        // Between rows, other requests and the publisher's timers get their turn.
        await yieldToEventLoop();
      }
      if (errors.length > 0 || input.dryRun) throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    if (errors.length > 0) throw rowProblems(errors);
    return { dryRun: true, created: 0, posts: [] };
  }
  return { dryRun: false, created: created.length, posts: created };
}

function rowProblems(unsorted: RowError[]) {
  const errors = [...unsorted].sort((a, b) => a.row - b.row);
  const rows = new Set(errors.map((e) => e.row)).size;
  return unprocessable('errors.importExport.rowProblems', { count: rows }, { errors });
}
