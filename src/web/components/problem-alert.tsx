import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** The text a person reads for a failure: the server's translated detail, else a translated generic message. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.problem) return error.problem.detail ?? error.problem.title;
      if (error.status === 0) return t('web:errors.network');
      return t('web:errors.unexpected', { status: error.status });
    }
    return t('web:errors.unexpected', { status: '—' });
  };
}

/** An error message announced to assistive technologies; renders nothing without an error. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const text = useProblemText();
  if (!error) return null;
  return (
    <div role="alert" className={`alert alert--error ${className ?? ''}`}>
      {text(error)}
    </div>
  );
}
