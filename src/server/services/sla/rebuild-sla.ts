import type { Selectable } from 'kysely';
import type { TicketsTable } from '../../db/tables/foundation.js';
import type { ServiceDeps } from '../deps.js';
import type { DueChangeReason } from './announce-due-change.js';
import { applySlaPlan, applyTimerOps, type TimerOps } from './apply-sla.js';
import { updateSlaColumnsMany } from '../../repositories/sla-columns.repository.js';
import { loadTicketInputs, planTicketSla, type SlaColumns } from './sla-plan.js';
import { loadSlaSetup } from './sla-setup.js';

/** What to rebuild. */
export interface RebuildSlaInput {
  /** Only tickets agents still owe work on (new, open, pending). */
  activeOnly?: boolean;
  /** Tell customers about moved due dates, with this reason (off by default). */
  announce?: DueChangeReason | false;
  /** Tickets per transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Recomputes the service levels of many tickets from their event logs, in batches (one
 * transaction and three reads per batch), storing what changed and rescheduling the timers of
 * changed targets. Used by `guichet sla rebuild` and after admins change calendars or policies.
 */
export async function rebuildSla(deps: ServiceDeps, input: RebuildSlaInput = {}): Promise<{ tickets: number; changed: number }> {
  const setup = await loadSlaSetup(deps.db, deps.config.slaWarningShare);
  const now = deps.clock.now().getTime();
  const batch = input.batch ?? 1000;
  let base = deps.db.selectFrom('tickets');
  if (input.activeOnly) base = base.where('state', 'in', ['new', 'open', 'pending']);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let done = 0;
  let changed = 0;
  let after = '';
  for (;;) {
    const rows: Selectable<TicketsTable>[] = await base.selectAll().where('id', '>', after).orderBy('id').limit(batch).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    await deps.db.transaction().execute(async (trx) => {
      const inputs = await loadTicketInputs(trx, rows.map((r) => r.id));
      const writes: Array<{ id: string; columns: SlaColumns }> = [];
      const deferWrite = (id: string, columns: SlaColumns) => writes.push({ id, columns });
      const timers: TimerOps = { enqueue: [], cancel: [] };
      for (const row of rows) {
        const plan = planTicketSla(setup, row, inputs.get(row.id)!, now);
        const cols = await applySlaPlan(deps, trx, row, plan, { now, announce: input.announce ?? false, history: false, actorId: null, inputs: inputs.get(row.id)!, deferWrite, timers });
        if (cols.length > 0) changed += 1;
      }
      await updateSlaColumnsMany(trx, deps.dialect, writes);
      await applyTimerOps(deps, trx, timers);
    });
    done += rows.length;
    input.onProgress?.(done, total);
  }
  return { tickets: done, changed };
}
