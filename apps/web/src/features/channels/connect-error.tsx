// A refused connection in the person's words: the server's reason code picks a catalogue sentence
// (wrong app password, network unreachable, bad address); anything else falls back to InlineError.
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { InlineError } from '../../ui/states';

const REASONS = [
  'invalid_credentials',
  'network_unavailable',
  'network_refused',
  'credentials_required',
  'webhook_url_required',
  'oauth_required',
  'oauth_not_configured',
] as const;
const URL_PROBLEMS = ['not_a_url', 'not_http', 'needs_https', 'private_address'] as const;

export function ConnectError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error)) {
    const reason = REASONS.find((r) => r === error.facts.reason);
    const urlReason = Object.values(error.fieldReasons).find((r) =>
      (URL_PROBLEMS as readonly string[]).includes(r),
    );
    const text = reason
      ? t(`channels.refusal.${reason}`)
      : urlReason
        ? t(`channels.urlProblem.${urlReason}`, { name: t('channels.address') })
        : null;
    if (text)
      return (
        <p className="form-error" role="alert">
          {text}
        </p>
      );
  }
  return <InlineError error={error} />;
}
