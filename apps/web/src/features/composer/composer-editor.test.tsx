import type { CharterRules } from '@cadence/domain/charter/schemas';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index';
import { ComposerEditor } from './composer-editor';
import { type ComposerChannel, type ComposerDraft, emptyDraft, networksOf } from './composer-model';
import { useLiveChecks } from './use-live-checks';

const channels: ComposerChannel[] = [
  { id: '11111111-1111-4111-8111-111111111111', network: 'x', displayName: 'Acme X', handle: '@acme' },
  {
    id: '22222222-2222-4222-8222-222222222222',
    network: 'mastodon',
    displayName: 'Acme M',
    handle: '@acme@m.social',
  },
];

function Harness({
  text,
  charter,
  channelIds,
}: {
  text: string;
  charter?: CharterRules;
  channelIds: string[];
}) {
  const [draft, setDraft] = useState<ComposerDraft>({ ...emptyDraft(), text, channelIds });
  const violations = useLiveChecks({
    draft,
    channels,
    charter,
    campaign: null,
    timezone: 'Europe/Paris',
    scheduledAt: null,
  });
  return (
    <ComposerEditor
      draft={draft}
      networks={networksOf(draft, channels)}
      violations={violations}
      onChange={setDraft}
    />
  );
}

const xOnly = [channels[0]?.id ?? ''];
const typeInto = (value: string) =>
  fireEvent.change(screen.getByLabelText('Post text (all networks)'), { target: { value } });
const counter = (network: string) => screen.getByTestId(`counter-${network}`);

describe('composer counters', () => {
  it('counts a link as 23 characters on X, whatever its length', () => {
    const url = `https://example.com/${'long-path/'.repeat(10)}`;
    render(<Harness text={`Read ${url}`} channelIds={xOnly} />);
    expect(counter('x').textContent).toContain('28/280');
    expect(counter('x').dataset.level).toBe('ok');
  });

  it('turns amber from 90 % of the limit and red past it with the overrun as "−N"', () => {
    render(<Harness text={'a'.repeat(251)} channelIds={xOnly} />);
    expect(counter('x').dataset.level).toBe('ok');
    typeInto('a'.repeat(252));
    expect(counter('x').dataset.level).toBe('near');
    expect(counter('x').textContent).not.toContain('−');
    typeInto('a'.repeat(292));
    expect(counter('x').dataset.level).toBe('over');
    expect(counter('x').textContent).toContain('−12');
  });

  it('counts each network its own way on the Base tab', () => {
    // X weighs CJK characters 2, Mastodon counts them 1.
    render(<Harness text={'漢'.repeat(150)} channelIds={channels.map((c) => c.id)} />);
    expect(counter('x').textContent).toContain('300/280');
    expect(counter('x').textContent).toContain('−20');
    expect(counter('mastodon').textContent).toContain('150/500');
  });

  it('announces only when a threshold is crossed, not on every keystroke', () => {
    render(<Harness text={'a'.repeat(200)} channelIds={xOnly} />);
    const live = counter('x').querySelector('[aria-live="polite"]');
    typeInto('a'.repeat(201));
    expect(live?.textContent).toBe('');
    typeInto('a'.repeat(260));
    expect(live?.textContent).toBe('X: 20 characters left');
    typeInto('a'.repeat(261));
    expect(live?.textContent).toBe('X: 20 characters left');
    typeInto('a'.repeat(285));
    expect(live?.textContent).toBe('X: 5 characters over the limit');
  });
});

const charter: CharterRules = {
  rules: { bannedPhrases: { phrases: ['best ever'], severity: 'block' } },
  overrides: {},
};

describe('composer charter highlights', () => {
  it('marks a banned phrase in the text with its message, and lists it', async () => {
    render(<Harness text="Our best ever launch" charter={charter} channelIds={xOnly} />);
    const mark = await screen.findByText('best ever', { selector: 'mark' });
    expect(mark.className).toContain('hl-block');
    expect(mark.getAttribute('title')).toBe('“best ever” is a phrase the charter bans.');
    expect(screen.getByRole('region', { name: 'Checks' }).textContent).toContain(
      '“best ever” is a phrase the charter bans.',
    );
  });

  it('gives the message in the interface language', async () => {
    await act(() => i18n.changeLanguage('fr'));
    render(<Harness text="Our best ever launch" charter={charter} channelIds={xOnly} />);
    const mark = await screen.findByText('best ever', { selector: 'mark' });
    expect(mark.getAttribute('title')).toContain('fait partie des expressions interdites par la charte');
  });

  it('clears the mark as soon as the phrase is edited away', async () => {
    render(<Harness text="Our best ever launch" charter={charter} channelIds={xOnly} />);
    await screen.findByText('best ever', { selector: 'mark' });
    typeInto('Our finest launch');
    expect(screen.queryByText('best ever', { selector: 'mark' })).toBeNull();
    expect(screen.getByText(/No problem found/)).toBeTruthy();
  });
});
