import type { Transaction, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { FieldError } from '../../../contracts/errors.js';
import type { RequestFormDto, StandardRequestObject, TicketRequestDto } from '../../../contracts/tickets.js';
import { detectSeveralQuestions } from '../../../domain/intake/one-question.js';
import {
  checkRequestForm,
  completeness,
  defaultRequestForm,
  invalidValues,
  isStandardKey,
  orderFields,
  type RequestField,
  type ValueProblem,
} from '../../../domain/intake/request-form.js';
import { DEFAULT_LANGUAGE, isLang } from '../../../i18n/languages.js';
import type { DB, Executor } from '../../db/schema.js';
import type { TicketsTable } from '../../db/tables/foundation.js';
import { AppError, forbidden, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { findProduct, listVersionRows } from '../../repositories/products.repository.js';
import { findTicket, updateTicketRow, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks, type FieldChange } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** The durable job (mail area) that e-mails a thread message to the requester. */
export const MAIL_TICKET_MESSAGE_JOB = 'mail.ticket-message';

/** Channels on which a request must be complete when filed (the web form and the API enforce the form). */
export const STRICT_CHANNELS = new Set(['web', 'api']);

/** The form of a product (admins' configuration, else the default), or the default form without a product. */
export async function loadRequestForm(executor: Executor, productId: string | null): Promise<RequestField[]> {
  if (!productId) return defaultRequestForm();
  const row = await executor.selectFrom('intakeRequestForms').select('fields').where('productId', '=', productId).executeTakeFirst();
  return row ? (JSON.parse(row.fields) as RequestField[]) : defaultRequestForm();
}

/** A product's request form, by product id or code; 404 for an unknown product. */
export async function getRequestForm(deps: ServiceDeps, productRef: string): Promise<RequestFormDto> {
  const product = await findProduct(deps.db, productRef);
  if (!product) throw notFound();
  return { productId: product.id, fields: orderFields(await loadRequestForm(deps.db, product.id)) };
}

/** Configures a product's request form (admins): field types, required flags, the product's own fields. */
export async function putRequestForm(deps: ServiceDeps, actor: Actor, productRef: string, fields: RequestField[]): Promise<RequestFormDto> {
  if (actor.role !== 'admin') throw forbidden('role_required', { roles: 'admin' });
  const product = await findProduct(deps.db, productRef);
  if (!product) throw notFound();
  const problems = checkRequestForm(fields);
  if (problems.length > 0) throw new AppError('validation_failed', { detailKey: 'intake:errors.form_invalid', errors: problems });
  const ordered = orderFields(fields).map((f) => ({ key: f.key, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}) }));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('intakeRequestForms')
      .values({ productId: product.id, fields: JSON.stringify(ordered), updatedAt: at })
      .onConflict((oc) => oc.column('productId').doUpdateSet({ fields: JSON.stringify(ordered), updatedAt: at }))
      .execute();
    await insertHistory(trx, [
      { id: uuidv7(), ticketId: null, entityType: 'product', entityId: product.id, actorId: actor.id, action: 'request_form_changed', field: 'requestForm', before: null, after: JSON.stringify(ordered), internal: 1, createdAt: at },
    ]);
  });
  return { productId: product.id, fields: ordered };
}

/** A structured request checked and ready to store with its ticket. */
export interface PreparedRequest {
  productId: string | null;
  version: string | null;
  criticality: string | null;
  licenceNumber: string | null;
  values: Record<string, string>;
  missing: string[];
  complete: boolean;
  oneQuestion: boolean;
}

function label(deps: ServiceDeps, language: string, key: string): string {
  const t = deps.i18n.getFixedT(isLang(language) ? language : DEFAULT_LANGUAGE, 'intake');
  return t(`field.${key}`, { defaultValue: key });
}

function fieldPath(key: string): string {
  if (key === 'product') return 'request.productId';
  if (key === 'summary') return 'subject';
  if (key === 'description') return 'body';
  if (key === 'attachments') return 'files';
  return isStandardKey(key) ? `request.${key}` : `request.extra.${key}`;
}

function refuseInvalid(deps: ServiceDeps, language: string, problems: ValueProblem[]): never {
  const t = deps.i18n.getFixedT(isLang(language) ? language : DEFAULT_LANGUAGE, 'intake');
  const errors: FieldError[] = problems.map((p) => ({ path: fieldPath(p.key), message: t(`problem.${p.problem}`, { field: label(deps, language, p.key) }), code: p.problem }));
  throw new AppError('unprocessable', { detailKey: 'intake:errors.request_invalid', params: { fields: problems.map((p) => label(deps, language, p.key)).join(', ') }, errors });
}

/** Answers 422 listing (translated) the required fields a web or API request lacks. */
function refuseIncomplete(deps: ServiceDeps, language: string, missing: string[]): never {
  const labels = missing.map((k) => label(deps, language, k));
  const errors: FieldError[] = missing.map((k, i) => ({ path: fieldPath(k), message: labels[i]!, code: 'missing' }));
  throw new AppError('unprocessable', { detailKey: 'intake:errors.request_incomplete', params: { fields: labels.join(', ') }, errors });
}

function cleanValues(input: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Standard request fields → form values (product as id); extra fields may not shadow standard ones. */
function valuesOf(request: StandardRequestObject, productId: string | null): Record<string, string | null | undefined> {
  const { extra, productId: _p, ...standard } = request;
  const out: Record<string, string | null | undefined> = { ...standard };
  if (productId) out.product = productId;
  for (const [k, v] of Object.entries(extra ?? {})) out[isStandardKey(k) ? `extra.${k}` : k] = v;
  return out;
}

async function resolveProduct(deps: ServiceDeps, executor: Executor, ref: string | undefined, language: string): Promise<{ id: string; name: string; versions: string[] } | null> {
  if (!ref) return null;
  const product = await findProduct(executor, ref);
  if (!product) {
    throw new AppError('unprocessable', {
      detailKey: 'intake:errors.request_invalid',
      params: { fields: label(deps, language, 'product') },
      errors: [{ path: 'request.productId', message: 'unknown product', code: 'unknown_product' }],
    });
  }
  const versions = (await listVersionRows(executor, [product.id])).map((v) => v.version);
  return { id: product.id, name: product.name, versions };
}

/** What is needed to check a new request. */
export interface PrepareRequestInput {
  request: StandardRequestObject;
  subject: string;
  body: string;
  attachmentCount: number;
  requester: { name: string; email: string };
  /** Language of the answer's field names (the actor's). */
  language: string;
  /** web and api: an incomplete request is refused (422); other channels accept it incomplete. */
  strict: boolean;
}

/**
 * Checks a new structured request: the product exists, the version is one of its versions, choices
 * and addresses are valid (else 422, fields named in the person's language); works out what is
 * missing (contact name and e-mail default to the requester's) and refuses an incomplete request
 * on strict channels.
 */
export async function prepareRequest(deps: ServiceDeps, input: PrepareRequestInput): Promise<PreparedRequest> {
  const product = await resolveProduct(deps, deps.db, input.request.productId, input.language);
  const form = await loadRequestForm(deps.db, product?.id ?? null);
  const values = cleanValues({
    summary: input.subject,
    description: input.body,
    contactName: input.requester.name,
    contactEmail: input.requester.email,
    ...valuesOf(input.request, product?.id ?? null),
  });
  const ctx = { versions: product?.versions ?? [], attachmentCount: input.attachmentCount };
  const invalid = invalidValues(form, values, ctx);
  if (invalid.length > 0) refuseInvalid(deps, input.language, invalid);
  const { missing, complete } = completeness(form, values, ctx);
  if (input.strict && !complete) refuseIncomplete(deps, input.language, missing);
  return {
    productId: product?.id ?? null,
    version: values.version ?? null,
    criticality: values.criticality ?? null,
    licenceNumber: values.licenceNumber ?? null,
    values,
    missing,
    complete,
    oneQuestion: !detectSeveralQuestions(`${input.subject}\n\n${input.body}`).several,
  };
}

/** Stores a new ticket's structured request (inside the ticket's transaction). */
export async function storeRequest(trx: Transaction<DB>, ticketId: string, r: PreparedRequest, at: string): Promise<void> {
  await trx
    .insertInto('ticketRequests')
    .values({ ticketId, productId: r.productId, fieldValues: JSON.stringify(r.values), missing: JSON.stringify(r.missing), complete: r.complete ? 1 : 0, oneQuestion: r.oneQuestion ? 1 : 0, createdAt: at, updatedAt: at })
    .execute();
}

/**
 * Writes a message Guichet sends by itself (kind system, public, no author) and hands it to the mail
 * area's durable job as automatic. The hooks hear of it like any public message.
 */
export async function writeAutomaticMessage(deps: ServiceDeps, trx: Transaction<DB>, ticketId: string, text: string, at: string): Promise<string> {
  const body = renderPlainText(text);
  const messageId = uuidv7();
  await insertMessage(trx, { id: messageId, ticketId, authorId: null, createdById: null, kind: 'system', internal: 0, channel: 'web', bodyText: body.text, bodyHtml: body.html, createdAt: at });
  await insertHistory(trx, [ticketHistory(ticketId, null, at, 'message_added', { after: { messageId, kind: 'system', channel: 'web' } })]);
  await deps.jobs.enqueue(trx, MAIL_TICKET_MESSAGE_JOB, { messageId, automatic: true }, { uniqueKey: `${MAIL_TICKET_MESSAGE_JOB}:${messageId}` });
  await runTicketHooks({ trx, ticketId, actorId: null, event: { type: 'message_added', messageId, kind: 'system', internal: false }, at }, deps);
  return messageId;
}

/** The link where the customer completes a request. */
export function completeLink(deps: ServiceDeps, number: string): string {
  return `${deps.config.publicUrl}/portal/requests/${number}`;
}

/**
 * An incomplete request accepted from e-mail, phone, fax or post: the ticket waits for the customer
 * (the SLA clock pauses) and the customer is told, in the ticket's language, what is missing and
 * where to complete it.
 */
export async function askForMissing(deps: ServiceDeps, trx: Transaction<DB>, ticket: Pick<TicketRow, 'id' | 'number' | 'language' | 'state' | 'pendingReason'>, missing: string[], at: string): Promise<string> {
  if (!(ticket.state === 'pending' && ticket.pendingReason === 'waiting_for_customer')) {
    const changes: FieldChange[] = [
      { field: 'state', before: ticket.state, after: 'pending' },
      { field: 'pendingReason', before: ticket.pendingReason, after: 'waiting_for_customer' },
    ];
    await updateTicketRow(trx, ticket.id, { state: 'pending', pendingReason: 'waiting_for_customer', updatedAt: at });
    await insertHistory(trx, changes.map((c) => ticketHistory(ticket.id, null, at, 'changed', c)));
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: null, event: { type: 'updated', changes }, at }, deps);
  }
  const lang = isLang(ticket.language) ? ticket.language : DEFAULT_LANGUAGE;
  const t = deps.i18n.getFixedT(lang, 'intake');
  const list = missing.map((k) => `- ${label(deps, lang, k)}`).join('\n');
  const text = t('missing.body', { number: ticket.number, list, link: completeLink(deps, ticket.number) });
  return writeAutomaticMessage(deps, trx, ticket.id, text, at);
}

/** Loads the structured requests of tickets and presents them (fields in the fixed order). */
export async function requestPresenter(deps: ServiceDeps, ticketIds: string[], executor: Executor = deps.db): Promise<(row: TicketRow) => TicketRequestDto | undefined> {
  if (ticketIds.length === 0) return () => undefined;
  const rows = await executor
    .selectFrom('ticketRequests')
    .leftJoin('products', 'products.id', 'ticketRequests.productId')
    .selectAll('ticketRequests')
    .select('products.name as productName')
    .where('ticketRequests.ticketId', 'in', ticketIds)
    .execute();
  const forms = new Map<string | null, RequestField[]>();
  for (const r of rows) if (!forms.has(r.productId)) forms.set(r.productId, await loadRequestForm(executor, r.productId));
  const byTicket = new Map(rows.map((r) => [r.ticketId, r]));
  return (ticket) => {
    const r = byTicket.get(ticket.id);
    if (!r) return undefined;
    const values = JSON.parse(r.fieldValues) as Record<string, string>;
    const form = forms.get(r.productId) ?? defaultRequestForm();
    const formKeys = new Set(form.map((f) => f.key));
    const keys = [...orderFields(form).map((f) => f.key), ...Object.keys(values).filter((k) => !formKeys.has(k))];
    const fields = keys
      .filter((k) => values[k] !== undefined)
      .map((k) => ({ key: k, value: k === 'product' ? (r.productName ?? values[k]!) : values[k]! }));
    return { productId: r.productId, productName: r.productName ?? null, fields, complete: Boolean(r.complete), missing: JSON.parse(r.missing) as string[], oneQuestion: Boolean(r.oneQuestion) };
  };
}

/** What a customer (or an agent) completes or corrects. */
export interface CompleteRequestInput {
  actor: Actor;
  ticketId: string;
  request: StandardRequestObject;
}

const FACT_COLUMNS: Array<[keyof PreparedRequest, keyof TicketRow & keyof Updateable<TicketsTable>]> = [
  ['productId', 'productId'],
  ['version', 'productVersion'],
  ['criticality', 'criticality'],
  ['licenceNumber', 'licenceNumber'],
];

/**
 * Completes a ticket's structured request: the given fields replace the stored ones (an empty text
 * clears an optional field), values are checked like at filing, and a request now complete that was
 * waiting for the customer goes back to open (the SLA clock resumes).
 */
export async function completeRequest(deps: ServiceDeps, input: CompleteRequestInput): Promise<TicketRow> {
  const { actor } = input;
  const ticket = await loadVisibleTicket(deps.db, actor, input.ticketId);
  if (!isStaff(actor) && ticket.requesterId !== actor.id) throw forbidden('customers_only_own_tickets');
  if (ticket.state === 'closed') throw new AppError('conflict', { detailKey: 'ticket_closed' });
  const stored = await deps.db.selectFrom('ticketRequests').selectAll().where('ticketId', '=', ticket.id).executeTakeFirst();
  const firstMessage = stored
    ? undefined
    : await deps.db.selectFrom('messages').select('bodyText').where('ticketId', '=', ticket.id).where('kind', '=', 'customer').orderBy('createdAt').orderBy('id').executeTakeFirst();
  const before: Record<string, string> = stored
    ? (JSON.parse(stored.fieldValues) as Record<string, string>)
    : cleanValues({ summary: ticket.subject, description: firstMessage?.bodyText, contactName: ticket.requesterName, contactEmail: ticket.requesterEmail });
  const productRef = input.request.productId ?? stored?.productId ?? undefined;
  const product = await resolveProduct(deps, deps.db, productRef ?? undefined, actor.language);
  const form = await loadRequestForm(deps.db, product?.id ?? null);
  const merged: Record<string, string | null | undefined> = { ...before, ...valuesOf(input.request, product?.id ?? null) };
  const values = cleanValues(merged);
  if (input.request.productId && product && before.product !== product.id && input.request.version === undefined) delete values.version;
  const attachments = await deps.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('ticketId', '=', ticket.id).executeTakeFirstOrThrow();
  const ctx = { versions: product?.versions ?? [], attachmentCount: Number(attachments.n) };
  const invalid = invalidValues(form, values, ctx);
  if (invalid.length > 0) refuseInvalid(deps, actor.language, invalid);
  const { missing, complete } = completeness(form, values, ctx);

  const at = deps.clock.now().toISOString();
  const facts: PreparedRequest = { productId: product?.id ?? null, version: values.version ?? null, criticality: values.criticality ?? null, licenceNumber: values.licenceNumber ?? null, values, missing, complete, oneQuestion: stored ? Boolean(stored.oneQuestion) : true };
  const patch: Updateable<TicketsTable> = {};
  const changes: FieldChange[] = [];
  for (const [from, column] of FACT_COLUMNS) {
    const value = facts[from] as string | null;
    if (value !== ticket[column]) {
      (patch as Record<string, unknown>)[column] = value;
      changes.push({ field: column, before: ticket[column], after: value });
    }
  }
  const resume = complete && ticket.state === 'pending' && ticket.pendingReason === 'waiting_for_customer';
  if (resume) {
    patch.state = 'open';
    patch.pendingReason = null;
    changes.push({ field: 'state', before: 'pending', after: 'open' }, { field: 'pendingReason', before: 'waiting_for_customer', after: null });
  }
  const changedKeys = [...new Set([...Object.keys(before), ...Object.keys(values)])].filter((k) => before[k] !== values[k]);
  await deps.db.transaction().execute(async (trx) => {
    if (stored) {
      await trx.updateTable('ticketRequests').set({ productId: facts.productId, fieldValues: JSON.stringify(values), missing: JSON.stringify(missing), complete: complete ? 1 : 0, updatedAt: at }).where('ticketId', '=', ticket.id).execute();
    } else {
      await storeRequest(trx, ticket.id, facts, at);
    }
    await updateTicketRow(trx, ticket.id, { ...patch, updatedAt: at });
    await insertHistory(trx, [
      ticketHistory(ticket.id, actor.id, at, 'request_updated', { after: { fields: changedKeys, complete, missing } }),
      ...changes.map((c) => ticketHistory(ticket.id, actor.id, at, 'changed', c)),
    ]);
    if (changes.length > 0) await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes }, at }, deps);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  return (await findTicket(deps.db, ticket.id))!;
}
