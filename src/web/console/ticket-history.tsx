import { useTranslation } from 'react-i18next';
import type { HistoryDto } from '../../contracts/tickets.js';
import { useHistory } from '../api/tickets.js';
import { useAssignees } from '../api/users.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { Loading } from '../components/status.js';
import { When } from '../components/when.js';

/** Fields whose values are codes with a translation in the common namespace. */
const CODED: Record<string, string> = { state: 'state', pendingReason: 'pendingReason', priority: 'priority' };

/** One history entry as a sentence: "Camille Roux changed the state: open → pending". */
function Entry({ h, names }: { h: HistoryDto; names: Map<string, string> }) {
  const { t } = useTranslation();
  const who = h.actor?.name ?? t('web:brand');
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('console:history.none');
    if (h.field && CODED[h.field] && typeof v === 'string') return t(`common:${CODED[h.field]}.${v}`);
    if (h.field === 'assigneeId' && typeof v === 'string') return names.get(v) ?? t('console:history.someone');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  let text: string;
  if (h.action === 'created') text = t('console:history.created', { who });
  else if (h.action === 'message_added') {
    const kind = (h.after as { kind?: string } | null)?.kind ?? 'reply';
    text = t(`console:history.message.${kind}`, { who });
  } else if (h.action === 'reopened') text = t('console:history.reopened', { who });
  else if (h.action === 'merged_into') text = t('console2:history.mergedInto', { who, number: String(h.after) });
  else if (h.action === 'merged_from') text = t('console2:history.mergedFrom', { who, number: (h.after as { number?: string } | null)?.number ?? '' });
  else if (h.action === 'taken_from_queue') text = t('console2:history.taken', { who });
  else if (h.action === 'changed' && h.field) {
    text = t('console:history.changed', { who, field: t(`console:history.field.${h.field}`), before: value(h.before), after: value(h.after) });
  } else text = t('console:history.other', { who });
  return (
    <li className="history__entry">
      <span>{text}</span>
      <span className="history__time">
        <When iso={h.createdAt} relative />
      </span>
    </li>
  );
}

/** Who changed what, when: the ticket's history, newest last. */
export function TicketHistory({ ticketRef }: { ticketRef: string }) {
  const history = useHistory(ticketRef);
  const assignees = useAssignees();
  const names = new Map((assignees.data ?? []).map((u) => [u.id, u.name]));
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return <Loading />;
  return (
    <ol className="history">
      {history.data.map((h) => (
        <Entry key={h.id} h={h} names={names} />
      ))}
    </ol>
  );
}
