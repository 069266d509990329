// Names for the user ids posts and events carry (author, approver, commenter).
import { useTranslation } from 'react-i18next';
import { useMembers } from '../settings/member-queries';

export function usePeople(workspaceId: string) {
  const { t } = useTranslation();
  const members = useMembers(workspaceId);
  const names = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
  return (ref: { userId: string | null; tokenId: string | null } | null | undefined) => {
    if (!ref) return t('people.system');
    // While the members are loading, nobody is a former member yet.
    if (ref.userId) return names.get(ref.userId) ?? (members.isPending ? '…' : t('people.formerMember'));
    return ref.tokenId ? t('people.apiToken') : t('people.system');
  };
}
