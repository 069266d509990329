// Content pillars (what posts are about) with a colour and a target share of the posts.
import type { RuleSet } from '@cadence/domain/charter/schemas';
import { useTranslation } from 'react-i18next';

type Pillar = NonNullable<RuleSet['pillars']>[number];

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);

export function PillarsEditor({ pillars, onChange }: { pillars: Pillar[]; onChange: (p: Pillar[]) => void }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<Pillar>) =>
    onChange(pillars.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="rule">
      <legend>{t('charter.pillars')}</legend>
      {pillars.map((p, i) => (
        <div key={p.id} className="pillar-row">
          <input
            aria-label={t('charter.pillarName')}
            value={p.name}
            onChange={(e) => update(i, { name: e.target.value })}
          />
          <input
            type="color"
            aria-label={t('campaigns.colour')}
            value={p.colour}
            onChange={(e) => update(i, { colour: e.target.value })}
          />
          <input
            type="number"
            min={0}
            max={100}
            aria-label={t('charter.pillarShare')}
            value={Math.round(p.targetShare * 100)}
            onChange={(e) => update(i, { targetShare: Number(e.target.value) / 100 })}
          />
          <span aria-hidden="true">%</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(pillars.filter((_, j) => j !== i))}
          >
            {t('composer.removeMedia')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          const name = t('charter.newPillar', { n: pillars.length + 1 });
          onChange([
            ...pillars,
            { id: `${slug(name)}-${Date.now().toString(36)}`, name, colour: '#3451d1', targetShare: 0 },
          ]);
        }}
      >
        {t('charter.addPillar')}
      </button>
    </fieldset>
  );
}
