import { useTranslation } from 'react-i18next';
import type { PendingReason, Priority, TicketState } from '../../contracts/enums.js';

/** A ticket's state, with the pending reason when it waits. */
export function StateBadge({ state, reason }: { state: TicketState; reason?: PendingReason | null }) {
  const { t } = useTranslation();
  return (
    <span className="state">
      <span className={`badge badge--${state}`}>{t(`common:state.${state}`)}</span>
      {state === 'pending' && reason ? <span className="state__reason">{t(`common:pendingReason.${reason}`)}</span> : null}
    </span>
  );
}

/** A ticket's priority; normal is shown quietly, high and urgent stand out. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`priority priority--${priority}`}>{t(`common:priority.${priority}`)}</span>;
}
