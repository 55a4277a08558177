import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSmtpMailers } from '../../src/server/adapters/mail-smtp.js';
import { findRawMail } from '../../src/server/repositories/mail.repository.js';
import { listTicketMessages } from '../../src/server/repositories/messages.repository.js';
import { findTicket } from '../../src/server/repositories/tickets.repository.js';
import { findUserByEmail } from '../../src/server/repositories/users.repository.js';
import { ingestMail } from '../../src/server/services/mail/ingest-mail.js';
import { addMessage } from '../../src/server/services/tickets/add-message.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { eml, hugeHeaders, variant, withAttachments } from './support/fixtures.js';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';

let rt: TestRuntime;
let smtp: SmtpCapture;
let agent: TestUser;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  rt = await createTestRuntime({ env: { GUICHET_SMTP_HOST: '127.0.0.1', GUICHET_SMTP_PORT: String(smtp.port), GUICHET_SMTP_TLS: 'none', GUICHET_MAIL_FROM: 'Support <support@guichet.test>' } });
  agent = await makeUser(rt.deps, { role: 'agent' });
});
afterAll(async () => {
  closeSmtpMailers();
  await rt?.dispose();
  await smtp?.close();
});

async function thread(number: string, internal = true) {
  const ticket = (await findTicket(rt.deps.db, number))!;
  return { ticket, messages: await listTicketMessages(rt.deps.db, ticket.id, internal) };
}
async function logOf(rfcId: string) {
  return rt.deps.db.selectFrom('mailLog').selectAll().where('rfcMessageId', '=', rfcId).executeTakeFirstOrThrow();
}
async function mailJobs() {
  return (await rt.deps.db.selectFrom('jobs').select('payload').where('name', '=', 'mail.ticket-message').execute()).map((j) => JSON.parse(j.payload) as { messageId: string; automatic: boolean });
}

describe('inbound mail: new requests in four languages and legacy charsets', () => {
  it.each([
    ['new-fr.eml', 'celine.dupre@cabinet-dupre.fr', 'fr', 'Impossible d’exporter la déclaration de TVA', 'l’export de la déclaration de TVA s’arrête', 'Céline Dupré'],
    ['new-es.eml', 'jose.ramirez@talleres-ramirez.es', 'es', 'La licencia no se activa en el portátil nuevo', '¿Podrían ayudarnos?', 'Jose Ramirez'],
    ['new-en.eml', 'alice.wong@northwind.example', 'en', 'Crash when printing invoices', 'crashes every time we print', 'Alice Wong'],
    ['new-ru-1251.eml', 'irina.petrova@buhuchet.ru', 'ru', 'Не открывается архив документов', 'не открывает архив документов', 'Ирина Петрова'],
    ['new-ru-koi8.eml', 'oleg@smirnov-trade.ru', 'ru', 'Пустые страницы при печати', 'принтер печатает пустые страницы', 'Олег Смирнов'],
    ['raw-8bit-headers.eml', 'francois.lefevre@atelier-lefevre.fr', 'fr', 'Problème d’impression des étiquettes', 'décalées de deux centimètres', 'François Lefèvre'],
  ])('%s becomes a ticket on the e-mail channel for a new customer in the detected language', async (file, sender, language, subject, bodyPart, name) => {
    const outcome = await ingestMail(rt.deps, eml(file));
    expect(outcome.action).toBe('created');
    expect(outcome.reason).toBeNull();
    const { ticket, messages } = await thread(outcome.ticket!);
    expect(ticket.subject).toBe(subject);
    expect(ticket.channel).toBe('email');
    expect(ticket.language).toBe(language);
    // the customer's message, then what Guichet answered by itself (intake: confirmation, missing information)
    expect(messages.filter((m) => m.kind === 'customer')).toHaveLength(1);
    expect(messages.slice(1).every((m) => m.kind === 'system')).toBe(true);
    expect(messages[0]!.channel).toBe('email');
    expect(messages[0]!.bodyText).toContain(bodyPart);
    const user = (await findUserByEmail(rt.deps.db, sender))!;
    expect(user.role).toBe('customer');
    expect(user.language).toBe(language);
    expect(user.name).toBe(name);
  });

  it('stores the attachment of the English request', async () => {
    const ticket = (await findTicket(rt.deps.db, (await logOf('<en-001@northwind.example>')).ticketId!))!;
    const files = await rt.deps.db.selectFrom('attachments').selectAll().where('ticketId', '=', ticket.id).execute();
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([['screenshot.png', 'image/png']]);
  });
});

describe('inbound mail: bad input', () => {
  it('a malformed MIME structure still becomes a request with its text, and the raw mail is kept', async () => {
    const raw = eml('malformed-mime.eml');
    const outcome = await ingestMail(rt.deps, raw);
    expect(outcome.action).toBe('created');
    const { messages } = await thread(outcome.ticket!);
    expect(messages[0]!.bodyText).toContain('licence server refuses connections');
    const log = await logOf('<malformed-001@legacy-mailer.example>');
    expect((await findRawMail(rt.deps.db, log.id))!.equals(raw)).toBe(true);
  });

  it('a mail without a sender is rejected, logged with its raw bytes, and creates nobody', async () => {
    const users = await rt.deps.db.selectFrom('users').select('id').execute();
    const outcome = await ingestMail(rt.deps, eml('missing-from.eml'));
    expect(outcome).toEqual({ action: 'rejected', ticket: null, reason: 'no_sender' });
    const log = await logOf('<nofrom-001@unknown.example>');
    expect(log.action).toBe('rejected');
    expect(await findRawMail(rt.deps.db, log.id)).not.toBeNull();
    expect((await rt.deps.db.selectFrom('users').select('id').execute()).length).toBe(users.length);
  });

  it('a sender-less mail tagged with a ticket becomes an internal note for the agents', async () => {
    const created = await ingestMail(rt.deps, variant(eml('empty-body.eml'), ['empty-001', 'empty-002'], ['empty@customer', 'empty2@customer']));
    expect(created.action).toBe('created');
    const raw = variant(eml('missing-from.eml'), ['Subject: Nobody sent this', `Subject: Re: [#${created.ticket}] Call me back`], ['nofrom-001', 'nofrom-002']);
    const outcome = await ingestMail(rt.deps, raw);
    expect(outcome).toEqual({ action: 'appended', ticket: created.ticket, reason: 'no_sender' });
    const { messages } = await thread(created.ticket!);
    const note = messages[messages.length - 1]!;
    expect(note.kind).toBe('note');
    expect(note.internal).toBe(1);
    expect(note.bodyText).toContain('A message without a From header.');
  });

  it('HTML with scripts is sanitized before it is stored', async () => {
    const outcome = await ingestMail(rt.deps, eml('html-script.eml'));
    expect(outcome.action).toBe('created');
    const { messages } = await thread(outcome.ticket!);
    const html = messages[0]!.bodyHtml;
    expect(html).toContain('<b>broken</b>');
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', '<iframe', 'document.cookie']) expect(html).not.toContain(bad);
    expect(messages[0]!.bodyText).toContain('The invoice layout is broken since version 28.');
  });

  it('an empty body is stored as a visible "(empty message)" in the sender language', async () => {
    const outcome = await ingestMail(rt.deps, eml('empty-body.eml'));
    expect(outcome.action).toBe('created');
    const { ticket, messages } = await thread(outcome.ticket!);
    expect(ticket.subject).toBe('Call me back');
    expect(messages[0]!.bodyText).toBe('(empty message)');
  });

  it('a zip bomb is stored as the small file it is, never inflated', async () => {
    const outcome = await ingestMail(rt.deps, eml('zip-bomb.eml'));
    expect(outcome.action).toBe('created');
    const { ticket } = await thread(outcome.ticket!);
    const files = await rt.deps.db.selectFrom('attachments').selectAll().where('ticketId', '=', ticket.id).execute();
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe('logs.zip');
    expect(Number(files[0]!.size)).toBeLessThan(200_000);
  });

  it('a megabyte of headers is handled', async () => {
    const outcome = await ingestMail(rt.deps, hugeHeaders(1024 * 1024, 'huge-1'));
    expect(outcome.action).toBe('created');
    const { messages } = await thread(outcome.ticket!);
    expect(messages[0]!.bodyText).toBe('The body after a megabyte of headers.');
  });

  it('50 attachments: the first 20 are stored and the sender is told, by mail, which 30 were not', async () => {
    const before = (await mailJobs()).length;
    const outcome = await ingestMail(rt.deps, withAttachments(50, 'fifty'));
    expect(outcome).toMatchObject({ action: 'created', reason: 'files_refused' });
    const { ticket, messages } = await thread(outcome.ticket!);
    const files = await rt.deps.db.selectFrom('attachments').select('filename').where('ticketId', '=', ticket.id).execute();
    expect(files).toHaveLength(20);
    const told = messages.find((m) => m.kind === 'system' && m.bodyText.includes('file-21.txt'))!;
    expect(told.internal).toBe(0);
    expect(told.bodyText).toContain('file-21.txt (more than 20 files in one e-mail)');
    expect(told.bodyText).toContain('file-50.txt');
    expect(told.bodyText).not.toContain('file-20.txt');
    const jobs = (await mailJobs()).slice(before);
    expect(jobs).toContainEqual({ messageId: told.id, automatic: true });
  });

  it('a file over 9 MB is not stored and the sender is told its name', async () => {
    const outcome = await ingestMail(rt.deps, withAttachments(1, 'big-file', 9 * 1024 * 1024 + 10));
    expect(outcome).toMatchObject({ action: 'created', reason: 'files_refused' });
    const { ticket, messages } = await thread(outcome.ticket!);
    const files = await rt.deps.db.selectFrom('attachments').select('filename').where('ticketId', '=', ticket.id).execute();
    expect(files.map((f) => f.filename)).toEqual(['file-1.txt']);
    expect(messages.some((m) => m.kind === 'system' && m.bodyText.includes('database-dump.bak (9.0 MB; the limit is 9 MB per file)'))).toBe(true);
  });
});

describe('inbound mail: automatic mails are never answered', () => {
  it.each([
    ['auto-auto-submitted.eml', 'automatic:auto_submitted'],
    ['auto-precedence-bulk.eml', 'automatic:precedence'],
    ['auto-x-autoreply.eml', 'automatic:x_autoreply'],
    ['auto-x-autorespond.eml', 'automatic:x_autoreply'],
    ['auto-x-loop.eml', 'automatic:x_loop'],
    ['auto-list-id.eml', 'automatic:mailing_list'],
    ['auto-own-header.eml', 'automatic:own_mail'],
  ])('%s is ignored (%s): no ticket, no user, no mail', async (file, reason) => {
    const jobs = (await mailJobs()).length;
    const tickets = await rt.deps.db.selectFrom('tickets').select('id').execute();
    const outcome = await ingestMail(rt.deps, eml(file, { SUBJECT: 'Crash' }));
    expect(outcome).toEqual({ action: 'ignored', ticket: null, reason });
    expect((await rt.deps.db.selectFrom('tickets').select('id').execute()).length).toBe(tickets.length);
    expect(await findUserByEmail(rt.deps.db, 'ooo@customer.example')).toBeUndefined();
    expect((await mailJobs()).length).toBe(jobs);
  });
});

describe('inbound mail: follow-ups, bounces, idempotency', () => {
  it('a reply to our mail lands on its ticket without the quoted history, and reopens it when solved', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-fr.eml'), ['fr-001@', 'fr-002@']));
    const ticket = (await findTicket(rt.deps.db, created.ticket!))!;
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Installez la version 11.1.2.', defaultChannel: 'web' });
    await rt.runner.runOnce();
    const sent = (await smtp.waitFor(1)).find((m) => m.parsed.messageId === `<guichet.${reply.messageId}@guichet.test>`)!;
    expect(sent).toBeDefined();
    await rt.deps.db.updateTable('tickets').set({ state: 'solved', solvedAt: '2027-03-01T10:00:00.000Z' }).where('id', '=', ticket.id).execute();
    const outcome = await ingestMail(rt.deps, eml('reply-fr.eml', { FROM: 'celine.dupre@cabinet-dupre.fr', NUMBER: 'NOPE-0000-000000', ID: '1', ORIGINAL: sent.parsed.messageId! }));
    expect(outcome).toEqual({ action: 'appended', ticket: ticket.number, reason: 'reopened' });
    const after = await thread(ticket.number);
    expect(after.ticket.state).toBe('open');
    const last = after.messages[after.messages.length - 1]!;
    expect(last.kind).toBe('customer');
    expect(last.bodyText).toBe('Merci, la mise à jour a résolu le problème.');
    // recorded as "not satisfied" (intake): the agent view gets the question, the last answer and this comment
    const reopen = await rt.deps.db.selectFrom('ticketReopens').selectAll().where('ticketId', '=', ticket.id).executeTakeFirstOrThrow();
    expect(reopen.commentMessageId).toBe(last.id);
    expect(reopen.answerMessageId).toBe(reply.messageId);
    // the same mail again: one message only
    const again = await ingestMail(rt.deps, eml('reply-fr.eml', { FROM: 'celine.dupre@cabinet-dupre.fr', NUMBER: 'NOPE-0000-000000', ID: '1', ORIGINAL: sent.parsed.messageId! }));
    expect(again).toEqual({ action: 'ignored', ticket: ticket.number, reason: 'duplicate' });
    expect((await thread(ticket.number)).messages).toHaveLength(after.messages.length);
  });

  it('a reply that lost its threading headers finds the ticket by [#number] in the subject', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-en.eml'), ['en-001@', 'en-002@']));
    const outcome = await ingestMail(rt.deps, eml('reply-subject-only.eml', { FROM: 'Alice Wong <alice.wong@northwind.example>', NUMBER: created.ticket!, ID: '1' }));
    expect(outcome).toEqual({ action: 'appended', ticket: created.ticket, reason: null });
    const { messages } = await thread(created.ticket!);
    expect(messages[messages.length - 1]!.bodyText).toBe('It still crashes with 25 invoices.');
  });

  it('someone who cannot see the ticket does not get into its thread: an internal note tells the agents', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-en.eml'), ['en-001@', 'en-003@']));
    const visible = (await thread(created.ticket!, false)).messages.length;
    const outcome = await ingestMail(rt.deps, eml('reply-subject-only.eml', { FROM: 'intruder@elsewhere.example', NUMBER: created.ticket!, ID: '2' }));
    expect(outcome).toEqual({ action: 'appended', ticket: created.ticket, reason: 'sender_not_on_ticket' });
    const { messages } = await thread(created.ticket!);
    const note = messages[messages.length - 1]!;
    expect(note.internal).toBe(1);
    expect(note.bodyText).toContain('intruder@elsewhere.example');
    expect((await thread(created.ticket!, false)).messages).toHaveLength(visible);
  });

  it('a bounce of our mail becomes an internal note on its ticket and is not answered', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-es.eml'), ['es-001@', 'es-002@']));
    const ticket = (await findTicket(rt.deps.db, created.ticket!))!;
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Hola', defaultChannel: 'web' });
    await rt.runner.runOnce();
    const original = `<guichet.${reply.messageId}@guichet.test>`;
    const jobs = (await mailJobs()).length;
    const outcome = await ingestMail(rt.deps, eml('bounce-dsn.eml', { ID: '1', RECIPIENT: 'jose.ramirez@talleres-ramirez.es', NUMBER: ticket.number, ORIGINAL: original }));
    expect(outcome).toEqual({ action: 'appended', ticket: ticket.number, reason: 'bounce' });
    const { messages } = await thread(ticket.number);
    const note = messages[messages.length - 1]!;
    expect(note.internal).toBe(1);
    expect(note.bodyText).toContain('jose.ramirez@talleres-ramirez.es');
    expect(note.bodyText).toContain('5.1.1');
    expect(note.bodyText).toContain('User unknown');
    expect((await logOf(original)).action).toBe('bounced');
    expect((await mailJobs()).length).toBe(jobs);
  });

  it('an agent answering by mail replies on the ticket, and the reply is mailed to the requester', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-en.eml'), ['en-001@', 'en-004@']));
    const outcome = await ingestMail(rt.deps, eml('reply-subject-only.eml', { FROM: agent.email, NUMBER: created.ticket!, ID: 'agent' }));
    expect(outcome).toEqual({ action: 'appended', ticket: created.ticket, reason: null });
    const { messages } = await thread(created.ticket!);
    const last = messages[messages.length - 1]!;
    expect(last.kind).toBe('reply');
    expect(last.authorId).toBe(agent.id);
    expect((await mailJobs()).some((j) => j.messageId === last.id && j.automatic === false)).toBe(true);
  });

  it('files refused from an agent\'s mail are told to the agents, not to the requester', async () => {
    const created = await ingestMail(rt.deps, variant(eml('new-en.eml'), ['en-001@', 'en-005@']));
    const raw = variant(withAttachments(1, 'agent-big', 9 * 1024 * 1024 + 10, agent.email), ['Subject: Files for the support team', `Subject: Re: [#${created.ticket}] logs`]);
    const outcome = await ingestMail(rt.deps, raw);
    expect(outcome).toEqual({ action: 'appended', ticket: created.ticket, reason: 'files_refused' });
    const { messages } = await thread(created.ticket!);
    const last = messages[messages.length - 1]!;
    expect(last.kind).toBe('note');
    expect(last.internal).toBe(1);
    expect(last.bodyText).toContain('database-dump.bak');
  });

  it('a mail over GUICHET_MAIL_MAX_BYTES is rejected but kept whole', async () => {
    const small = { ...rt.deps, config: { ...rt.deps.config, mail: { ...rt.deps.config.mail, maxBytes: 64 * 1024 } } };
    const raw = withAttachments(1, 'too-big', 100 * 1024);
    const outcome = await ingestMail(small, raw);
    expect(outcome).toEqual({ action: 'rejected', ticket: null, reason: 'too_large' });
    const row = await rt.deps.db.selectFrom('mailLog').selectAll().where('action', '=', 'rejected').where('reason', '=', 'too_large').executeTakeFirstOrThrow();
    expect((await findRawMail(rt.deps.db, row.id))!.length).toBe(raw.length);
  });

  it('a bounce nobody can place is logged and ignored', async () => {
    const outcome = await ingestMail(rt.deps, eml('bounce-dsn.eml', { ID: '2', RECIPIENT: 'x@y.example', NUMBER: 'GU-1999-000001', ORIGINAL: '<guichet.nope@guichet.test>' }));
    expect(outcome).toEqual({ action: 'ignored', ticket: null, reason: 'bounce_unmatched' });
  });
});
