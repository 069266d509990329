import { useTranslation } from 'react-i18next';

/** Sections whose screens are not built yet say so plainly instead of showing an empty shell. */
export function ComingSoonPage({ section }: { section: 'review' | 'campaigns' | 'charter' }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t(`nav.${section}`)}</h1>
      <p className="muted">{t('comingSoon.body')}</p>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
    </section>
  );
}
