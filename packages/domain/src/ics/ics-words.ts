// The words of the calendar feed's event descriptions, in the workspace's language (the feed is
// fetched by calendar apps, with no person's choice to follow). Same pattern as the notification
// emails' words (notifications/email-words.ts); the statuses are typed against POST_STATUSES, so a
// new status without words in both languages fails the typecheck.
import type { Locale, Network, PostStatus } from '@cadence/names';

interface IcsWords {
  status: string;
  campaign: string;
  author: string;
  statuses: Record<PostStatus, string>;
  networks: Record<Network, string>;
}

const PROPER_NETWORK_NAMES = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
} as const;

const en: IcsWords = {
  status: 'Status',
  campaign: 'Campaign',
  author: 'Author',
  statuses: {
    draft: 'Draft',
    in_review: 'In review',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    scheduled: 'Scheduled',
    publishing: 'Publishing',
    published: 'Published',
    partially_published: 'Partly published',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  networks: { ...PROPER_NETWORK_NAMES, webhook: 'Webhook', sandbox: 'Sandbox' },
};

const fr: IcsWords = {
  // French typography: a non-breaking space before the colon (see lines() below).
  status: 'Statut',
  campaign: 'Campagne',
  author: 'Auteur ou autrice',
  statuses: {
    draft: 'Brouillon',
    in_review: 'En relecture',
    changes_requested: 'Modifications demandées',
    approved: 'Approuvée',
    scheduled: 'Programmée',
    publishing: 'Publication en cours',
    published: 'Publiée',
    partially_published: 'Publiée en partie',
    failed: 'Échec',
    cancelled: 'Annulée',
  },
  networks: { ...PROPER_NETWORK_NAMES, webhook: 'Webhook', sandbox: 'Bac à sable' },
};

const WORDS: Record<Locale, IcsWords> = { en, fr };

export const icsWords = (locale: Locale) => WORDS[locale];

/** "Label: value" in English, "Libellé : valeur" (narrow no-break space) in French. */
export const labelled = (locale: Locale, label: string, value: string) =>
  locale === 'fr' ? `${label}\u202f: ${value}` : `${label}: ${value}`;
