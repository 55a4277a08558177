import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingReason, Priority, TicketState } from '../../contracts/enums.js';
import type { TicketDto, UpdateTicketBody } from '../../contracts/tickets.js';
import { useUser } from '../api/session.js';
import { useUpdateTicket } from '../api/tickets.js';
import { useAssignees } from '../api/users.js';
import { ProblemAlert } from '../components/problem-alert.js';

interface Draft {
  state: TicketState;
  pendingReason: PendingReason | '';
  priority: Priority;
  assigneeId: string;
}

const draftOf = (t: TicketDto): Draft => ({ state: t.state, pendingReason: t.pendingReason ?? '', priority: t.priority, assigneeId: t.assigneeId ?? '' });

/** Only what changed, as PATCH /tickets/:id takes it; a pending reason always travels with pending. */
function patchOf(ticket: TicketDto, d: Draft): UpdateTicketBody | null {
  const p: Record<string, unknown> = {};
  if (d.state !== ticket.state || (d.state === 'pending' && d.pendingReason !== (ticket.pendingReason ?? ''))) {
    p.state = d.state;
    if (d.state === 'pending' && d.pendingReason) p.pendingReason = d.pendingReason;
  }
  if (d.priority !== ticket.priority) p.priority = d.priority;
  if (d.assigneeId !== (ticket.assigneeId ?? '')) p.assigneeId = d.assigneeId || null;
  return Object.keys(p).length ? (p as UpdateTicketBody) : null;
}

/**
 * State (with the pending reason), priority and assignee, saved together with one button so that
 * moving through a list with the keyboard never changes a ticket by accident.
 */
/** A keyboard command from the ticket view: s focuses the state, p sets pending and asks for the reason. */
export interface PropertiesCommand {
  kind: 'state' | 'pending';
  seq: number;
}

export function TicketProperties({ ticket, command }: { ticket: TicketDto; command?: PropertiesCommand | undefined }) {
  const { t } = useTranslation();
  const me = useUser();
  const id = useId();
  const update = useUpdateTicket(ticket.number);
  const assignees = useAssignees();
  const [draft, setDraft] = useState<Draft>(() => draftOf(ticket));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(draftOf(ticket)), [ticket]);
  const stateRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const [focusReason, setFocusReason] = useState(0);
  useEffect(() => {
    if (!command) return;
    if (command.kind === 'state') stateRef.current?.focus();
    else {
      setDraft((d) => ({ ...d, state: 'pending' }));
      setFocusReason(command.seq);
    }
  }, [command]);
  useEffect(() => {
    if (focusReason) reasonRef.current?.focus();
  }, [focusReason]);
  const patch = patchOf(ticket, draft);
  const needsReason = draft.state === 'pending' && !draft.pendingReason;

  const save = (body: UpdateTicketBody | null) => {
    if (!body) return;
    setSaved(false);
    update.mutate(body, { onSuccess: () => setSaved(true) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!needsReason) save(patch);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: v, ...(k === 'state' && v !== 'pending' ? { pendingReason: '' } : {}) }));
  };

  return (
    <form className="panel form form--compact" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('console:props.title')}
      </h2>
      <label htmlFor={`${id}-state`} className="field__label">
        {t('console:props.state')}
      </label>
      <select id={`${id}-state`} ref={stateRef} className="input" value={draft.state} onChange={(e) => set('state', e.target.value as TicketState)}>
        {TicketState.options.map((s) => (
          <option key={s} value={s} disabled={s === 'new' && ticket.state !== 'new'}>
            {t(`common:state.${s}`)}
          </option>
        ))}
      </select>
      {draft.state === 'pending' ? (
        <>
          <label htmlFor={`${id}-reason`} className="field__label">
            {t('console:props.reason')}
          </label>
          <select
            id={`${id}-reason`}
            ref={reasonRef}
            className="input"
            value={draft.pendingReason}
            required
            aria-invalid={needsReason || undefined}
            aria-describedby={`${id}-reason-hint`}
            onChange={(e) => set('pendingReason', e.target.value as PendingReason)}
          >
            <option value="">{t('console:props.chooseReason')}</option>
            {PendingReason.options.map((r) => (
              <option key={r} value={r}>
                {t(`common:pendingReason.${r}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-reason-hint`} className="hint">
            {t('console:props.reasonHint')}
          </p>
        </>
      ) : null}
      <label htmlFor={`${id}-priority`} className="field__label">
        {t('console:props.priority')}
      </label>
      <select id={`${id}-priority`} className="input" value={draft.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
        {Priority.options.map((p) => (
          <option key={p} value={p}>
            {t(`common:priority.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-assignee`} className="field__label">
        {t('console:props.assignee')}
      </label>
      <select id={`${id}-assignee`} className="input" value={draft.assigneeId} onChange={(e) => set('assigneeId', e.target.value)}>
        <option value="">{t('console:list.nobody')}</option>
        {(assignees.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {ticket.assigneeId !== me.id ? (
        <button type="button" className="button button--link" onClick={() => save({ assigneeId: me.id })} disabled={update.isPending}>
          {t('console:props.assignMe')}
        </button>
      ) : null}
      <ProblemAlert error={update.error} />
      <div className="form__actions">
        {saved && !patch ? (
          <span role="status" className="composer__sent">
            {t('console:props.saved')}
          </span>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!patch || needsReason || update.isPending}>
          {update.isPending ? t('web:saving') : t('console:props.save')}
        </button>
      </div>
    </form>
  );
}
