import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { type MoveTarget, MovePostDialog } from './move-post-dialog';
import { isMoveKey } from './use-move-shortcut';

const start = DateTime.now().plus({ days: 2 }).set({ hour: 14, minute: 30, second: 0, millisecond: 0 });
const target: MoveTarget = {
  postId: '44444444-4444-4444-8444-444444444444',
  eventId: 'e1',
  title: 'Launch day',
  start: start.toJSDate(),
};

function setup(onMove: (postId: string, to: Date, from: Date) => Promise<boolean>) {
  const onClose = vi.fn();
  render(<MovePostDialog target={target} shownZone="America/Montreal" onMove={onMove} onClose={onClose} />);
  const input = screen.getByLabelText('New date and time (America/Montreal)') as HTMLInputElement;
  return { onClose, input };
}

describe('MovePostDialog', () => {
  it('reads the typed time in the zone shown and moves the post there', async () => {
    const onMove = vi.fn(async () => true);
    const { onClose, input } = setup(onMove);
    // Prefilled with the post's current time as shown.
    expect(input.value).toBe(start.setZone('America/Montreal').toFormat("yyyy-MM-dd'T'HH:mm"));
    const day = start.plus({ days: 3 }).toISODate();
    fireEvent.change(input, { target: { value: `${day}T08:15` } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const to = DateTime.fromISO(`${day}T08:15`, { zone: 'America/Montreal' }).toJSDate();
    expect(onMove).toHaveBeenCalledWith(target.postId, to, target.start);
  });

  it('stays open when the server refuses, so another time can be picked', async () => {
    const onMove = vi.fn(async () => false);
    const { onClose } = setup(onMove);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(onMove).toHaveBeenCalled());
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Move' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('refuses a time in the past without calling the server', async () => {
    const onMove = vi.fn(async () => true);
    const { input } = setup(onMove);
    fireEvent.change(input, { target: { value: '2020-01-01T10:00' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Pick a time in the future.')).toBeTruthy();
    expect(onMove).not.toHaveBeenCalled();
  });
});

describe('isMoveKey', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
  it('opens "Move to…" on Shift+M, Shift+F10 and the context-menu key only', () => {
    expect(isMoveKey(key({ key: 'M', shiftKey: true }))).toBe(true);
    expect(isMoveKey(key({ key: 'F10', shiftKey: true }))).toBe(true);
    expect(isMoveKey(key({ key: 'ContextMenu' }))).toBe(true);
    expect(isMoveKey(key({ key: 'm' }))).toBe(false); // M alone is the month view
    expect(isMoveKey(key({ key: 'M', shiftKey: true, ctrlKey: true }))).toBe(false);
  });
});
