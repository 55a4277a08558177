import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useTakeNext } from '../api/queue.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { useShortcuts } from './shortcuts.js';

/**
 * "Next ticket": the server assigns the top unassigned ticket of my groups to me (never the same
 * one to two agents) and the ticket opens. Shift+N does the same from any list or ticket.
 */
export function NextTicketButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const take = useTakeNext();
  const [empty, setEmpty] = useState(false);
  const next = () => {
    if (take.isPending) return;
    setEmpty(false);
    take.mutate(undefined, {
      onSuccess: (res) => (res.item ? navigate(`/console/tickets/${res.item.ticket.number}`) : setEmpty(true)),
    });
  };
  useShortcuts({ N: next });
  return (
    <div className="next-ticket">
      <button type="button" className="button button--primary" onClick={next} disabled={take.isPending} aria-keyshortcuts="Shift+N">
        {take.isPending ? t('console2:next.taking') : t('console2:next.button')}
      </button>
      <span role="status" className="next-ticket__status">
        {empty ? t('console2:next.empty') : null}
      </span>
      <ProblemAlert error={take.error} />
    </div>
  );
}
