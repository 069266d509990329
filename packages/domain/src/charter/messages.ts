import type { DateTime } from 'luxon';
import type { MediaKind, Network } from '../networks/schemas';
import type { LocalisedMessage } from './schemas';

// French typography: a no-break space before : ; ? ! and inside « guillemets », so a line never
// starts with the punctuation. Kept as named constants because they are invisible in an editor.
const NBSP = '\u00A0';
const quoteEn = (s: string) => `“${s}”`;
const quoteFr = (s: string) => `«${NBSP}${s}${NBSP}»`;

const numberEn = new Intl.NumberFormat('en');
const numberFr = new Intl.NumberFormat('fr');
const listEn = new Intl.ListFormat('en', { type: 'conjunction' });
const listFr = new Intl.ListFormat('fr', { type: 'conjunction' });
const orEn = new Intl.ListFormat('en', { type: 'disjunction' });
const orFr = new Intl.ListFormat('fr', { type: 'disjunction' });

const nEn = (n: number) => numberEn.format(n);
const nFr = (n: number) => numberFr.format(n);
// Sizes in decimal megabytes, as networks state their limits ("1 MB" for Bluesky's 1,000,000 bytes).
const megabytesEn = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const megabytesFr = new Intl.NumberFormat('fr', { maximumFractionDigits: 2 });
const mbEn = (bytes: number) => `${megabytesEn.format(bytes / 1_000_000)} MB`;
const mbFr = (bytes: number) => `${megabytesFr.format(bytes / 1_000_000)}${NBSP}Mo`;
const ratio = (r: number) => (Math.abs(r - 0.8) < 1e-9 ? '4:5' : `${Math.round(r * 100) / 100}:1`);

export type Source = 'charter' | 'campaign';
const sourceEn = (s: Source) => (s === 'charter' ? 'the charter' : 'the campaign');
const sourceFr = (s: Source) => (s === 'charter' ? 'la charte' : 'la campagne');

const NETWORK_NAMES: Record<Network, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  webhook: 'Webhook',
  sandbox: 'Sandbox',
};
const KIND_EN: Record<MediaKind, string> = { image: 'images', video: 'videos', gif: 'GIFs' };
const KIND_FR: Record<MediaKind, string> = { image: 'les images', video: 'les vidéos', gif: 'les GIF' };

const hashtags = (tags: readonly string[]) => tags.map((t) => `#${t.replace(/^#/, '')}`);

export const messages = {
  checkTooCostly: (): LocalisedMessage => ({
    en: 'These texts are too long to check together; shorten them or use fewer different versions.',
    fr: `Ces textes sont trop longs pour être vérifiés ensemble${NBSP}; raccourcissez-les ou utilisez moins de versions différentes.`,
  }),
  networkLength: (network: Network, count: number, max: number): LocalisedMessage => ({
    en: `This post is ${nEn(count)} characters long on ${NETWORK_NAMES[network]}, over its limit of ${nEn(max)}.`,
    fr: `Ce message fait ${nFr(count)} caractères sur ${NETWORK_NAMES[network]}, au-delà de sa limite de ${nFr(max)}.`,
  }),
  networkBytes: (network: Network, bytes: number, max: number): LocalisedMessage => ({
    en: `This post takes ${nEn(bytes)} bytes on ${NETWORK_NAMES[network]}, over its limit of ${nEn(max)}; use fewer emoji.`,
    fr: `Ce message occupe ${nFr(bytes)} octets sur ${NETWORK_NAMES[network]}, au-delà de sa limite de ${nFr(max)}${NBSP}; utilisez moins d’émojis.`,
  }),
  mediaRequired: (network: Network): LocalisedMessage => ({
    en: `${NETWORK_NAMES[network]} needs at least one image or video.`,
    fr: `${NETWORK_NAMES[network]} exige au moins une image ou une vidéo.`,
  }),
  mediaCount: (network: Network, count: number, max: number): LocalisedMessage => ({
    en: `${NETWORK_NAMES[network]} accepts at most ${nEn(max)} attachments; this post has ${nEn(count)}.`,
    fr: `${NETWORK_NAMES[network]} accepte au plus ${nFr(max)} pièces jointes${NBSP}; ce message en a ${nFr(count)}.`,
  }),
  mediaKind: (network: Network, kind: MediaKind): LocalisedMessage => ({
    en: `${NETWORK_NAMES[network]} does not accept ${KIND_EN[kind]}.`,
    fr: `${NETWORK_NAMES[network]} n’accepte pas ${KIND_FR[kind]}.`,
  }),
  mediaBytes: (network: Network, bytes: number, max: number): LocalisedMessage => ({
    en: `Too large for ${NETWORK_NAMES[network]} (${mbEn(bytes)} > ${mbEn(max)}).`,
    fr: `Trop lourd pour ${NETWORK_NAMES[network]} (${mbFr(bytes)} > ${mbFr(max)}).`,
  }),
  mediaAspect: (network: Network, min: number, max: number): LocalisedMessage => ({
    en: `${NETWORK_NAMES[network]} needs images between ${ratio(min)} and ${ratio(max)} (width:height).`,
    fr: `${NETWORK_NAMES[network]} exige des images entre ${ratio(min)} et ${ratio(max)} (largeur:hauteur).`,
  }),
  videoLength: (network: Network, seconds: number, max: number): LocalisedMessage => ({
    en: `${NETWORK_NAMES[network]} takes videos up to ${nEn(max)} s; this one lasts ${nEn(seconds)} s.`,
    fr: `${NETWORK_NAMES[network]} accepte des vidéos de ${nFr(max)}${NBSP}s au plus${NBSP}; celle-ci dure ${nFr(seconds)}${NBSP}s.`,
  }),
  altTextMissing: (): LocalisedMessage => ({
    en: 'This attachment has no description (alt text).',
    fr: 'Cette pièce jointe n’a pas de description (texte alternatif).',
  }),
  videoAlone: (network: Network): LocalisedMessage => ({
    en: `On ${NETWORK_NAMES[network]} a video or GIF must be the only attachment.`,
    fr: `Sur ${NETWORK_NAMES[network]}, une vidéo ou un GIF doit être la seule pièce jointe.`,
  }),
  networkCount: (
    network: Network,
    what: 'hashtags' | 'mentions' | 'links',
    count: number,
    max: number,
  ): LocalisedMessage => {
    const fr = { hashtags: 'hashtags', mentions: 'mentions', links: 'liens' }[what];
    return {
      en: `${NETWORK_NAMES[network]} accepts at most ${nEn(max)} ${what} in a post; this one has ${nEn(count)}.`,
      fr: `${NETWORK_NAMES[network]} accepte au plus ${nFr(max)} ${fr} par message${NBSP}; celui-ci en a ${nFr(count)}.`,
    };
  },
  bannedPhrase: (source: Source, phrase: string): LocalisedMessage => ({
    en: `${quoteEn(phrase)} is a phrase ${sourceEn(source)} bans.`,
    fr: `${quoteFr(phrase)} fait partie des expressions interdites par ${sourceFr(source)}.`,
  }),
  missingHashtags: (source: Source, tags: readonly string[]): LocalisedMessage => ({
    en: `Add the hashtags ${sourceEn(source)} requires: ${listEn.format(hashtags(tags))}.`,
    fr: `Ajoutez les hashtags qu’exige ${sourceFr(source)}${NBSP}: ${listFr.format(hashtags(tags))}.`,
  }),
  missingOneOfHashtags: (source: Source, tags: readonly string[]): LocalisedMessage => ({
    en: `Add one of the hashtags ${sourceEn(source)} asks for: ${orEn.format(hashtags(tags))}.`,
    fr: `Ajoutez l’un des hashtags que demande ${sourceFr(source)}${NBSP}: ${orFr.format(hashtags(tags))}.`,
  }),
  forbiddenHashtag: (tag: string): LocalisedMessage => ({
    en: `The charter forbids the hashtag #${tag}.`,
    fr: `La charte interdit le hashtag #${tag}.`,
  }),
  tooMany: (what: 'hashtags' | 'mentions' | 'emoji', count: number, max: number): LocalisedMessage => {
    const fr = { hashtags: 'hashtags', mentions: 'mentions', emoji: 'émojis' }[what];
    return {
      en: `This post has ${nEn(count)} ${what}; the charter allows ${nEn(max)}.`,
      fr: `Ce message contient ${nFr(count)} ${fr}${NBSP}; la charte en autorise ${nFr(max)}.`,
    };
  },
  charterLength: (network: Network, count: number, max: number): LocalisedMessage => ({
    en: `This post is ${nEn(count)} characters long; the charter allows ${nEn(max)} on ${NETWORK_NAMES[network]}.`,
    fr: `Ce message fait ${nFr(count)} caractères${NBSP}; la charte en autorise ${nFr(max)} sur ${NETWORK_NAMES[network]}.`,
  }),
  linkRequired: (source: Source): LocalisedMessage => ({
    en: `Add a link: ${sourceEn(source)} requires one.`,
    fr: `Ajoutez un lien${NBSP}: ${sourceFr(source)} l’exige.`,
  }),
  linkForbidden: (source: Source): LocalisedMessage => ({
    en: `Remove this link: ${sourceEn(source)} forbids links.`,
    fr: `Retirez ce lien${NBSP}: ${sourceFr(source)} interdit les liens.`,
  }),
  linkDomain: (source: Source, host: string, domains: readonly string[]): LocalisedMessage => ({
    en: `This link goes to ${host}; ${sourceEn(source)} allows only ${orEn.format(domains)}.`,
    fr: `Ce lien mène à ${host}${NBSP}; ${sourceFr(source)} n’autorise que ${orFr.format(domains)}.`,
  }),
  linkUtm: (source: Source, missing: readonly string[]): LocalisedMessage => ({
    en: `This link lacks the tracking parameters ${sourceEn(source)} requires: ${listEn.format(missing)}.`,
    fr: `Il manque à ce lien les paramètres de suivi qu’exige ${sourceFr(source)}${NBSP}: ${listFr.format(missing)}.`,
  }),
  outsideWindows: (at: DateTime, windows: readonly { start: string; end: string }[]): LocalisedMessage => {
    const spans = windows.map((w) => `${w.start}–${w.end}`);
    if (spans.length === 0) {
      return {
        en: `The charter allows no posting on ${at.setLocale('en').toFormat('cccc')}s.`,
        fr: `La charte n’autorise aucune publication le ${at.setLocale('fr').toFormat('cccc')}.`,
      };
    }
    return {
      en: `Scheduled for ${at.setLocale('en').toFormat('cccc')} at ${at.toFormat('HH:mm')}, outside the posting windows (${listEn.format(spans)}).`,
      fr: `Programmé le ${at.setLocale('fr').toFormat('cccc')} à ${at.toFormat('HH:mm')}, hors des créneaux de publication (${listFr.format(spans)}).`,
    };
  },
  blackout: (day: DateTime, reason: string | undefined): LocalisedMessage => ({
    en: `${day.setLocale('en').toFormat('d MMMM yyyy')} falls in a blackout period${reason ? ` (${reason})` : ''}.`,
    fr: `Le ${day.setLocale('fr').toFormat('d MMMM yyyy')} tombe pendant une période sans publication${reason ? ` (${reason})` : ''}.`,
  }),
  perDay: (day: DateTime, count: number, max: number): LocalisedMessage => ({
    en: `This channel would have ${nEn(count)} posts on ${day.setLocale('en').toFormat('d MMMM yyyy')}; the charter allows ${nEn(max)} a day.`,
    fr: `Ce compte aurait ${nFr(count)} publications le ${day.setLocale('fr').toFormat('d MMMM yyyy')}${NBSP}; la charte en autorise ${nFr(max)} par jour.`,
  }),
  perWeek: (day: DateTime, count: number, max: number): LocalisedMessage => ({
    en: `This channel would have ${nEn(count)} posts in week ${day.weekNumber} of ${day.weekYear}; the charter allows ${nEn(max)} a week.`,
    fr: `Ce compte aurait ${nFr(count)} publications la semaine ${day.weekNumber} de ${day.weekYear}${NBSP}; la charte en autorise ${nFr(max)} par semaine.`,
  }),
  spacing: (minutesApart: number, min: number): LocalisedMessage => ({
    en: `Another post on this channel is ${nEn(minutesApart)} minutes away; the charter asks for at least ${nEn(min)}.`,
    fr: `Une autre publication de ce compte est à ${nFr(minutesApart)} minutes${NBSP}; la charte demande au moins ${nFr(min)}.`,
  }),
  invalidDate: (): LocalisedMessage => ({
    en: 'The scheduled time is not a valid date and time.',
    fr: 'L’heure de publication n’est pas une date valide.',
  }),
  invalidTimezone: (zone: string): LocalisedMessage => ({
    en: `The workspace time zone ${quoteEn(zone)} is unknown.`,
    fr: `Le fuseau horaire de l’espace de travail ${quoteFr(zone)} est inconnu.`,
  }),
};
