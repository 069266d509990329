import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { ChannelPicker } from './channel-picker';
import type { ComposerChannel } from './composer-model';

const ok: ComposerChannel = {
  id: 'a',
  network: 'mastodon',
  displayName: 'Acme M',
  handle: '@acme',
  status: 'connected',
};
const broken: ComposerChannel = {
  id: 'b',
  network: 'bluesky',
  displayName: 'Acme B',
  handle: '@acme.bsky',
  status: 'needs_reconnect',
};

describe('ChannelPicker', () => {
  it('marks a channel needing reconnection and does not offer it, in French', async () => {
    await i18n.changeLanguage('fr');
    const onChange = vi.fn();
    render(<ChannelPicker channels={[ok, broken]} selected={[]} onChange={onChange} />);
    const boxes = screen.getAllByRole('checkbox');
    expect((boxes[0] as HTMLInputElement).disabled).toBe(false);
    expect((boxes[1] as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/À reconnecter/)).toBeTruthy();
    expect(boxes[1]?.getAttribute('aria-describedby')).toBe('broken-b');
    fireEvent.click(boxes[0] as HTMLElement);
    expect(onChange).toHaveBeenCalledWith(['a']);
  });

  it('lets an already chosen broken channel be unticked, and says the post will wait', async () => {
    await i18n.changeLanguage('en');
    const onChange = vi.fn();
    render(<ChannelPicker channels={[ok, broken]} selected={['b']} onChange={onChange} />);
    const box = screen.getAllByRole('checkbox')[1] as HTMLElement;
    expect((box as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByText(/this post will wait for it/)).toBeTruthy();
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith([]);
  });
});
