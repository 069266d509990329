// "+ New post" at the top of the rail, and N anywhere (except while typing) to open the composer.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { useCurrentWorkspace } from '../session/current-workspace';

export function NewPostLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { workspace } = useCurrentWorkspace();
  const canWrite = roleAtLeast(workspace.role, 'editor');

  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (
        target?.closest('input, textarea, select, [contenteditable="true"], [role="menu"], [role="dialog"]')
      )
        return;
      e.preventDefault();
      void navigate('/posts/new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite, navigate]);

  if (!canWrite) return null;
  return (
    <Link to="/posts/new" className="btn btn-primary new-post" aria-keyshortcuts="N">
      + {t('nav.newPost')}
    </Link>
  );
}
