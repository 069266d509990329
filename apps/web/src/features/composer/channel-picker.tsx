// Which channels the post goes to: one checkbox per channel, with its network named (not only shown).
// A channel that needs reconnecting is marked and cannot be newly chosen (its posts would wait);
// one already chosen can be unticked, and says why it is a problem.
import { useTranslation } from 'react-i18next';
import type { ComposerChannel } from './composer-model';

interface ChannelPickerProps {
  channels: readonly ComposerChannel[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

export function ChannelPicker({ channels, selected, onChange }: ChannelPickerProps) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="channel-picker">
      <legend>{t('composer.channels')}</legend>
      {channels.length === 0 && <p className="muted">{t('composer.noChannels')}</p>}
      {channels.map((c) => {
        const broken = c.status === 'needs_reconnect';
        const checked = selected.includes(c.id);
        return (
          <label key={c.id} className={broken ? 'channel-option channel-broken' : 'channel-option'}>
            <input
              type="checkbox"
              checked={checked}
              disabled={broken && !checked}
              aria-describedby={broken ? `broken-${c.id}` : undefined}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <span className={`network-badge network-${c.network}`} aria-hidden="true">
              {t(`networks.${c.network}`).slice(0, 1)}
            </span>
            <span>
              {c.displayName} <span className="muted">{c.handle}</span>
              <span className="visually-hidden"> ({t(`networks.${c.network}`)})</span>
              {broken && (
                <span className="channel-broken-note" id={`broken-${c.id}`}>
                  <span aria-hidden="true">▲ </span>
                  {checked ? t('composer.channelBrokenChosen') : t('composer.channelBroken')}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
