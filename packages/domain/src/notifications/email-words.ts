// The words of notification emails, in each language Cadence speaks. The web app's catalogues hold
// the in-app words under the same kinds (apps/web/src/i18n, "notifications.kinds.*"); a test pins
// that both list every kind. Parameters: {actor}, {excerpt}, {channel}, {role}.
import type { Locale, NotificationKind } from '@cadence/names';

type Words = Record<NotificationKind, string> & {
  someone: string;
  open: string;
  preferences: string;
  footer: string;
  digestSubject: string;
  digestIntro: string;
  digestMore: string;
  roles: Record<string, string>;
};

const en: Words = {
  post_submitted: '{actor} submitted a post for your review: “{excerpt}”',
  changes_requested: '{actor} asked for changes on your post “{excerpt}”',
  post_approved: '{actor} approved your post “{excerpt}”',
  post_scheduled: '{actor} scheduled your post “{excerpt}”',
  post_rejected: '{actor} rejected your post “{excerpt}”',
  comment: '{actor} commented on “{excerpt}”',
  mention: '{actor} mentioned you on “{excerpt}”',
  post_published: 'Published: “{excerpt}”',
  post_partly_published: 'Partly published, some networks failed: “{excerpt}”',
  post_failed: 'Publishing failed: “{excerpt}”',
  post_outcome_unknown: 'We could not tell whether “{excerpt}” went out on {channel}: please check',
  post_missed: 'Missed its time, nothing was sent: “{excerpt}”',
  channel_reconnect: 'The channel {channel} needs to be reconnected',
  token_expiring: 'The connection of {channel} expires within 7 days: reconnect it',
  publisher_stalled: 'Posts are due and no publisher is running',
  role_changed: 'Your role is now {role}',
  webhook_disabled: 'A webhook was turned off after repeated failures',
  inbox_assigned: '{actor} assigned you a conversation from {author} on {channel}',
  inbox_reply_submitted: '{actor} wrote a reply to {author} that waits for your approval',
  inbox_reply_approved: '{actor} approved your reply to {author}: it is on its way',
  inbox_reply_returned: '{actor} sent back your reply to {author} with a comment',
  someone: 'Someone',
  open: 'Open in Cadence',
  preferences: 'Change which emails you receive',
  footer: 'You receive this email because you are a member of {workspace} on Cadence.',
  digestSubject: 'Your Cadence digest: {count} notifications',
  digestIntro: 'What happened in {workspace}:',
  digestMore: 'And {count} more, in Cadence’s notifications.',
  roles: { owner: 'owner', manager: 'manager', editor: 'editor', viewer: 'viewer' },
};

const fr: Words = {
  post_submitted: '{actor} a soumis une publication à votre validation : « {excerpt} »',
  changes_requested: '{actor} demande des modifications sur votre publication « {excerpt} »',
  post_approved: '{actor} a approuvé votre publication « {excerpt} »',
  post_scheduled: '{actor} a programmé votre publication « {excerpt} »',
  post_rejected: '{actor} a refusé votre publication « {excerpt} »',
  comment: '{actor} a commenté « {excerpt} »',
  mention: '{actor} vous a mentionné sur « {excerpt} »',
  post_published: 'Publiée : « {excerpt} »',
  post_partly_published: 'Publiée en partie, certains réseaux ont échoué : « {excerpt} »',
  post_failed: 'Échec de la publication : « {excerpt} »',
  post_outcome_unknown: 'Impossible de savoir si « {excerpt} » est partie sur {channel} : vérifiez',
  post_missed: 'Heure manquée, rien n’a été envoyé : « {excerpt} »',
  channel_reconnect: 'Le compte {channel} doit être reconnecté',
  token_expiring: 'La connexion de {channel} expire dans moins de 7 jours : reconnectez-la',
  publisher_stalled: 'Des publications sont dues et aucun publieur ne tourne',
  role_changed: 'Votre rôle est maintenant : {role}',
  webhook_disabled: 'Un webhook a été désactivé après des échecs répétés',
  inbox_assigned: '{actor} vous a confié une conversation avec {author} sur {channel}',
  inbox_reply_submitted: '{actor} a écrit une réponse à {author} qui attend votre validation',
  inbox_reply_approved: '{actor} a validé votre réponse à {author} : elle part',
  inbox_reply_returned: '{actor} vous a renvoyé votre réponse à {author} avec un commentaire',
  someone: 'Quelqu’un',
  open: 'Ouvrir dans Cadence',
  preferences: 'Choisir les e-mails que vous recevez',
  footer: 'Vous recevez cet e-mail parce que vous êtes membre de {workspace} sur Cadence.',
  digestSubject: 'Votre résumé Cadence : {count} notifications',
  digestIntro: 'Ce qui s’est passé dans {workspace} :',
  digestMore: 'Et {count} de plus, dans les notifications de Cadence.',
  roles: { owner: 'propriétaire', manager: 'responsable', editor: 'rédacteur', viewer: 'lecteur' },
};

export const EMAIL_WORDS: Record<Locale, Words> = { en, fr };

export function fill(template: string, params: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}
