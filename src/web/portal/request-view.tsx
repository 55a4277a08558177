import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { TicketDto, TicketRequestDto } from '../../contracts/tickets.js';
import { useCompleteRequest, useProducts, useReopenNotSatisfied, useRequestForm } from '../api/intake.js';
import { useUser } from '../api/session.js';
import { useMessages, useTicket, useUpdateTicket } from '../api/tickets.js';
import { StateBadge } from '../components/badges.js';
import { Composer } from '../components/composer.js';
import { MessageThread } from '../components/message-thread.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { ExpectedResponse, slaOf } from '../components/sla.js';
import { Loading, Notice } from '../components/status.js';
import { When } from '../components/when.js';
import { describedBy, Field, type FieldErrors } from '../components/form.js';
import { requestObject, RequestFieldInput, serverFieldErrors, type CreatedState } from './new-request.js';

/** Choice values shown in the person's language. */
const TRANSLATED_CHOICES = new Set(['criticality', 'frequency']);

/** The structured request, fields in the fixed order the API gives. */
function RequestFacts({ request }: { request: TicketRequestDto }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="request-title">
      <h2 id="request-title" className="panel__title">
        {t('intake:portal.requestTitle')}
      </h2>
      <dl className="facts">
        {request.fields
          .filter((f) => f.key !== 'summary' && f.key !== 'description')
          .map((f) => (
            <Fragment key={f.key}>
              <dt>{t(`intake:field.${f.key}`, { defaultValue: f.key })}</dt>
              <dd>{TRANSLATED_CHOICES.has(f.key) ? t(`intake:option.${f.key}.${f.value}`, { defaultValue: f.value }) : f.value}</dd>
            </Fragment>
          ))}
      </dl>
    </section>
  );
}

/** What a request still lacks, with the inputs to complete it (PATCH /tickets/:id/request). */
function CompleteRequest({ ticket, request }: { ticket: TicketDto; request: TicketRequestDto }) {
  const { t } = useTranslation();
  const complete = useCompleteRequest(ticket.number);
  const products = useProducts();
  const [productId, setProductId] = useState(request.productId ?? '');
  const form = useRequestForm(productId || null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const product = products.data?.find((p) => p.id === productId);
  const missing = new Set(request.missing);
  const fields = (form.data?.fields ?? []).filter((f) => missing.has(f.key) && f.key !== 'product' && f.key !== 'attachments');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!productId) found.product = t('web:validation.required');
    for (const f of fields) if (f.required && !(values[f.key] ?? '').trim()) found[f.key] = t('web:validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    complete.mutate(requestObject(productId, values), {
      onSuccess: () => setValues({}),
      onError: (err) => setErrors(serverFieldErrors(err, t('web:validation.required'))),
    });
  };

  return (
    <section className="panel" aria-labelledby="missing-title">
      <h2 id="missing-title" className="panel__title">
        {t('intake:portal.missingTitle')}
      </h2>
      <p className="hint">{t('intake:portal.missingHint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {request.productId === null ? (
          <Field id="complete-product" label={t('intake:field.product')} error={errors.product} required>
            <select id="complete-product" className="input" value={productId} onChange={(e) => setProductId(e.target.value)} required {...describedBy('complete-product', { error: errors.product })}>
              <option value="">{t('intake:portal.choose')}</option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {fields.map((f) => (
          <RequestFieldInput key={f.key} field={f} product={product} value={values[f.key] ?? ''} error={errors[f.key]} onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))} disabled={complete.isPending} />
        ))}
        <ProblemAlert error={complete.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={complete.isPending}>
            {t('intake:portal.complete')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Not satisfied": reopen a solved request with a comment (the agent sees question, answer and comment together). */
function NotSatisfied({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const reopen = useReopenNotSatisfied(ticket.number);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setError(t('web:validation.required'));
      document.getElementById('not-satisfied-comment')?.focus();
      return;
    }
    setError(undefined);
    reopen.mutate(comment.trim(), { onSuccess: () => setComment('') });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="not-satisfied-title">
      <h3 id="not-satisfied-title" className="field__label">
        {t('intake:portal.notSatisfiedTitle')}
      </h3>
      <Field id="not-satisfied-comment" label={t('intake:portal.comment')} hint={t('intake:portal.notSatisfiedHint')} error={error} required>
        <textarea
          id="not-satisfied-comment"
          className="input"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          required
          {...describedBy('not-satisfied-comment', { hint: true, error })}
        />
      </Field>
      <ProblemAlert error={reopen.error} />
      <button type="submit" className="button button--secondary" disabled={reopen.isPending}>
        {t('intake:portal.notSatisfied')}
      </button>
    </form>
  );
}

/** Solve, reopen or close: what a customer may do with their own request in its state. */
function RequestActions({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.number);
  const active = ticket.state === 'new' || ticket.state === 'open' || ticket.state === 'pending';
  return (
    <div className="panel">
      <h2 className="panel__title">{t('portal:view.actionsTitle')}</h2>
      {active ? (
        <>
          <p className="hint">{t('portal:view.solveHint')}</p>
          <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => update.mutate({ state: 'solved' })}>
            {t('portal:view.markSolved')}
          </button>
        </>
      ) : null}
      {ticket.state === 'solved' ? (
        <>
          <p className="hint">{t('portal:view.reopenHint')}</p>
          <NotSatisfied ticket={ticket} />
          <div className="button-row">
            <button type="button" className="button button--ghost" disabled={update.isPending} onClick={() => update.mutate({ state: 'closed' })}>
              {t('portal:view.close')}
            </button>
          </div>
        </>
      ) : null}
      {ticket.state === 'closed' ? <p className="hint">{t('portal:view.closedHint')}</p> : null}
      <ProblemAlert error={update.error} />
    </div>
  );
}

/** One request as its customer sees it: confirmation after filing, thread, reply, solve or reopen. */
export function RequestViewPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const user = useUser();
  const location = useLocation();
  const created = (location.state as CreatedState | null)?.created === true;
  const ticket = useTicket(ref);
  const messages = useMessages(ref);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created && ticket.data) confirmation.current?.focus();
  }, [created, ticket.data]);

  if (ticket.isPending) return <Loading />;
  if (ticket.error) return <ProblemAlert error={ticket.error} />;
  const tk = ticket.data;
  const own = tk.requester.id === user.id;
  const sla = slaOf(tk);
  return (
    <Page
      title={tk.subject}
      focusHeading={!created}
      subtitle={
        <span className="meta">
          <span className="ticket-number">{tk.number}</span>
          <StateBadge state={tk.state} reason={tk.pendingReason} />
        </span>
      }
      actions={
        <Link to="/portal" className="button button--ghost">
          {t('portal:view.back')}
        </Link>
      }
    >
      {created ? (
        <div ref={confirmation} tabIndex={-1} className="confirmation">
          <Notice>
            <strong>{t('portal:view.createdTitle')}</strong> {t('portal:view.createdText', { number: tk.number })}{' '}
            {sla?.responseDueAt ? t('portal:view.createdExpected') : t('portal:view.createdNoTarget')}
            {sla?.responseDueAt ? (
              <>
                {' '}
                <ExpectedResponse ticket={tk} />
              </>
            ) : null}
          </Notice>
        </div>
      ) : null}
      <div className="layout-2">
        <section className="layout-2__main" aria-labelledby="thread-title">
          <h2 id="thread-title" className="section-title">
            {t('portal:view.thread')}
          </h2>
          <ProblemAlert error={messages.error} />
          {messages.data ? <MessageThread messages={messages.data} audience="customer" /> : <Loading />}
          {tk.state !== 'closed' ? (
            <section className="panel" aria-labelledby="reply-title">
              <h2 id="reply-title" className="panel__title">
                {t('portal:view.replyTitle')}
              </h2>
              {tk.state === 'solved' ? <p className="hint">{t('portal:view.replyReopens')}</p> : null}
              <Composer ticketRef={tk.number} allowNote={false} mode={mode} onModeChange={setMode} />
            </section>
          ) : null}
        </section>
        <aside className="layout-2__side" aria-label={t('portal:view.details')}>
          <div className="panel">
            <h2 className="panel__title">{t('portal:view.details')}</h2>
            <dl className="facts">
              <dt>{t('portal:columns.number')}</dt>
              <dd>{tk.number}</dd>
              <dt>{t('portal:columns.state')}</dt>
              <dd>
                <StateBadge state={tk.state} reason={tk.pendingReason} />
              </dd>
              <dt>{t('portal:columns.expected')}</dt>
              <dd>
                <ExpectedResponse ticket={tk} />
              </dd>
              <dt>{t('portal:view.opened')}</dt>
              <dd>
                <When iso={tk.createdAt} />
              </dd>
              <dt>{t('portal:columns.requester')}</dt>
              <dd>{tk.requester.name}</dd>
            </dl>
          </div>
          {tk.request ? <RequestFacts request={tk.request} /> : null}
          {own && tk.request && tk.request.missing.length > 0 && tk.state !== 'closed' ? <CompleteRequest ticket={tk} request={tk.request} /> : null}
          {own ? <RequestActions ticket={tk} /> : null}
        </aside>
      </div>
    </Page>
  );
}
