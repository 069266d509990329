// Which channels the post goes to: one checkbox per channel, with its network named (not only shown).
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
      {channels.map((c) => (
        <label key={c.id} className="channel-option">
          <input
            type="checkbox"
            checked={selected.includes(c.id)}
            onChange={(e) => toggle(c.id, e.target.checked)}
          />
          <span className={`network-badge network-${c.network}`} aria-hidden="true">
            {t(`networks.${c.network}`).slice(0, 1)}
          </span>
          <span>
            {c.displayName} <span className="muted">{c.handle}</span>
            <span className="visually-hidden"> ({t(`networks.${c.network}`)})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
