import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TicketDto } from '../../contracts/tickets.js';
import { useMergeTicket } from '../api/merge.js';
import { ProblemAlert } from '../components/problem-alert.js';

/** Merge a duplicate into another ticket: its messages move there and it is closed; the target opens. */
export function MergePanel({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const merge = useMergeTicket(ticket.number);
  const [into, setInto] = useState('');
  const [confirm, setConfirm] = useState(false);
  if (ticket.state === 'closed') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!into.trim() || !confirm) return;
    merge.mutate(into.trim(), { onSuccess: (target) => navigate(`/console/tickets/${target.number}`) });
  };
  return (
    <details className="panel">
      <summary className="panel__title">{t('console2:merge.title')}</summary>
      <form className="form form--compact" onSubmit={submit}>
        <p id={`${id}-hint`} className="hint">
          {t('console2:merge.hint')}
        </p>
        <label htmlFor={`${id}-into`} className="field__label">
          {t('console2:merge.into')}
        </label>
        <input id={`${id}-into`} className="input" required maxLength={64} value={into} onChange={(e) => setInto(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <label className="checkbox">
          <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} /> {t('console2:merge.confirm', { number: ticket.number })}
        </label>
        <ProblemAlert error={merge.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!confirm || !into.trim() || merge.isPending}>
            {merge.isPending ? t('console2:merge.merging') : t('console2:merge.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
