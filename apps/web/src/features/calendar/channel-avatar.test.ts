import { describe, expect, it } from 'vitest';
import {
  cardStatus,
  channelColour,
  channelColours,
  channelInitials,
  stackedChannels,
} from './channel-avatar';

describe('channel avatars', () => {
  it('takes initials from the name, so two channels of one network differ', () => {
    expect(channelInitials('Acme LinkedIn')).toBe('AL');
    expect(channelInitials('Acme FR')).toBe('AF');
    expect(channelInitials('@cadence')).toBe('CA');
    expect(channelInitials('été-soldes')).toBe('ÉS');
    expect(channelInitials('  ')).toBe('?');
  });

  it('gives each channel a stable colour of its own', () => {
    const a = channelColour('0d6b7c8e-1111-4111-8111-111111111111');
    expect(channelColour('0d6b7c8e-1111-4111-8111-111111111111')).toBe(a);
    const colours = new Set(
      Array.from({ length: 12 }, (_, i) =>
        channelColour(`00000000-0000-4000-8000-00000000000${i.toString(16)}`),
      ),
    );
    expect(colours.size).toBeGreaterThan(4);
  });

  it('never gives two of the workspace’s first ten channels the same colour', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `id-${i}`);
    const known = channelColours(ids);
    expect(new Set(ids.map((id) => channelColour(id, known))).size).toBe(10);
  });

  it('stacks three avatars and counts the rest', () => {
    const ch = (n: number) => ({
      targetId: `${n}`,
      channelId: `${n}`,
      channelName: `C${n}`,
      network: 'x',
      targetStatus: 'scheduled' as const,
    });
    expect(stackedChannels([ch(1), ch(2)])).toMatchObject({ more: 0 });
    const five = stackedChannels([ch(1), ch(2), ch(3), ch(4), ch(5)]);
    expect(five.shown).toHaveLength(3);
    expect(five.more).toBe(2);
  });

  it('says missed when a channel missed its time', () => {
    expect(cardStatus({ status: 'scheduled', channels: [{ targetStatus: 'missed' }] })).toBe('missed');
    expect(cardStatus({ status: 'draft', channels: [{ targetStatus: 'pending' }] })).toBe('draft');
  });
});
