import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A spinner with a text for screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t('web:loading')}</span>
    </div>
  );
}

/** What a list shows when it has nothing: a title, a sentence and maybe the next step. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children ? <p className="empty__text">{children}</p> : null}
      {action}
    </div>
  );
}

/** A success or information message that is announced politely. */
export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div role="status" className={`alert alert--${tone}`}>
      {children}
    </div>
  );
}
