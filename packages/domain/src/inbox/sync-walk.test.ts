import { describe, expect, it } from 'vitest';
import { readCursor, stepWalk } from './sync-walk';

const compare = (a: string, b: string) => Number(a) - Number(b);
const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const horizon = at(19);
const item = (position: number, day = 25) => ({ position: String(position), createdAt: at(day) });
const page = (positions: number[], next: string | null, day = 25) => ({
  items: positions.map((p) => item(p, day)),
  next,
  newest: positions.length ? String(Math.max(...positions)) : null,
  oldest: positions.length ? { position: String(Math.min(...positions)), at: at(day) } : null,
});

describe('inbox sync walk', () => {
  it('first sync: keeps what is within the backfill, resumes across pages, then remembers the newest', () => {
    const first = stepWalk({ top: null }, page([30, 29, 28], '28'), { horizon, compare });
    expect(first).toMatchObject({ done: false, cursor: { top: null, walk: { page: '28', top: '30' } } });
    expect(first.keep).toHaveLength(3);
    const older = {
      items: [item(27), item(26, 10)],
      next: '26',
      newest: '27',
      oldest: { position: '26', at: at(10) },
    };
    const second = stepWalk(first.cursor, older, { horizon, compare });
    expect(second.keep.map((i) => i.position)).toEqual(['27']);
    expect(second).toMatchObject({ done: true, cursor: { top: '30' } });
  });

  it('later syncs stop at the newest stored position and never go back past it', () => {
    const step = stepWalk({ top: '30' }, page([33, 32, 31, 30, 29], '29'), { horizon, compare });
    expect(step.keep.map((i) => i.position)).toEqual(['33', '32', '31', '30']);
    expect(step).toMatchObject({ done: true, cursor: { top: '33' } });
  });

  it('with a rewind, reads back past the newest stored position and keeps a late arrival listed there', () => {
    const rewind = (top: string) => String(Number(top) - 5);
    // 27 was listed after 30 had been stored, at a position before it.
    const step = stepWalk({ top: '30' }, page([33, 30, 27, 24], '24'), { horizon, compare, rewind });
    expect(step.keep.map((i) => i.position)).toEqual(['33', '30', '27']);
    expect(step).toMatchObject({ done: true, cursor: { top: '33' } });
    // A page that ends above the rewound floor goes on to the next page; the cursor keeps the real top.
    const partial = stepWalk({ top: '30' }, page([33, 30, 27], '27'), { horizon, compare, rewind });
    expect(partial).toMatchObject({ done: false, cursor: { top: '30', walk: { page: '27', top: '33' } } });
  });

  it('a page of things the inbox does not keep (likes, follows) still moves the walk', () => {
    const likes = { items: [], next: '40', newest: '45', oldest: { position: '40', at: at(25) } };
    const step = stepWalk({ top: '30' }, likes, { horizon, compare });
    expect(step).toMatchObject({ done: false, cursor: { top: '30', walk: { page: '40', top: '45' } } });
  });

  it('an empty network keeps the cursor', () => {
    expect(stepWalk({ top: '30' }, page([], null), { horizon, compare })).toMatchObject({
      done: true,
      cursor: { top: '30' },
    });
    expect(stepWalk({ top: null }, page([], null), { horizon, compare }).cursor).toEqual({ top: null });
  });

  it('reads back only cursors it wrote', () => {
    expect(readCursor({ top: '1', walk: { page: 'x', top: '2' } })).toEqual({
      top: '1',
      walk: { page: 'x', top: '2' },
    });
    expect(readCursor('nonsense')).toEqual({ top: null });
    expect(readCursor(null)).toEqual({ top: null });
  });
});
