// A notification in words from the catalogues: the kind picks the sentence, never shown as a code.
import type { TFunction } from 'i18next';

export function notificationText(
  t: TFunction,
  n: { kind: string; actorName: string | null; params: Record<string, string | number | null> },
): string {
  const role = typeof n.params.role === 'string' ? t(`roles.${n.params.role}`) : '';
  return t(`notifications.kinds.${n.kind}`, {
    actor: n.actorName ?? t('notifications.someone'),
    excerpt: n.params.excerpt ?? '',
    channel: n.params.channel ?? '',
    role,
    interpolation: { escapeValue: false },
  });
}
