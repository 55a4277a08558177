import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeSmtpMailers } from '../../src/server/adapters/mail-smtp.js';
import { ManualClock } from '../../src/server/ports/clock.js';
import { listTicketMessages } from '../../src/server/repositories/messages.repository.js';
import { addMessage } from '../../src/server/services/tickets/add-message.js';
import { createTicket } from '../../src/server/services/tickets/create-ticket.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';

let rt: TestRuntime;
let smtp: SmtpCapture;
let clock: ManualClock;
let agent: TestUser;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  clock = new ManualClock('2027-03-01T09:00:00Z');
  rt = await createTestRuntime({ clock, env: { GUICHET_SMTP_HOST: '127.0.0.1', GUICHET_SMTP_PORT: String(smtp.port), GUICHET_SMTP_TLS: 'none', GUICHET_MAIL_FROM: 'Support Guichet <support@guichet.test>', GUICHET_PUBLIC_URL: 'https://desk.guichet.test' } });
  agent = await makeUser(rt.deps, { role: 'agent' });
});
afterAll(async () => {
  closeSmtpMailers();
  await rt?.dispose();
  await smtp?.close();
});
beforeEach(() => {
  smtp.mails.length = 0;
  smtp.refuse = null;
});

async function jobRows(name = 'mail.ticket-message') {
  return rt.deps.db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('createdAt').execute();
}

describe('mail out', () => {
  it.each([
    ['fr', 'Bonjour Camille,', 'Veuillez écrire votre réponse au-dessus de cette ligne'],
    ['es', 'Hola, Camille:', 'Escriba su respuesta encima de esta línea'],
    ['en', 'Hello Camille,', 'Please type your reply above this line'],
    ['ru', 'Здравствуйте, Camille!', 'Пожалуйста, пишите ответ над этой строкой'],
  ])('mails an agent reply in the requester language (%s) with threading headers and the subject tag', async (language, greeting, marker) => {
    const customer = await makeUser(rt.deps, { language, email: `camille.${language}@customer.test` });
    await rt.deps.db.updateTable('users').set({ name: 'Camille' }).where('id', '=', customer.id).execute();
    const ticket = await createTicket(rt.deps, { actor: { ...customer.actor, name: 'Camille' }, subject: 'Export PDF vide', body: 'Le PDF est vide.', defaultChannel: 'web' });
    await rt.runner.runOnce(); // the acceptance confirmation goes first
    clock.advance(60_000);
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Merci, essayez la version 28.0.412.', defaultChannel: 'web' });
    const jobs = await jobRows();
    const job = jobs.find((j) => JSON.parse(j.payload).messageId === reply.messageId);
    expect(JSON.parse(job!.payload)).toEqual({ messageId: reply.messageId, automatic: false });
    await rt.runner.runOnce();
    const mail = await smtp.mailOf(reply.messageId);
    expect(mail!.to).toEqual([customer.email]);
    expect(mail!.parsed.subject).toBe(`[#${ticket.number}] Export PDF vide`);
    expect(mail!.parsed.messageId).toBe(`<guichet.${reply.messageId}@guichet.test>`);
    expect(mail!.parsed.text).toContain(marker);
    expect(mail!.parsed.text).toContain(greeting);
    expect(mail!.parsed.text).toContain('Merci, essayez la version 28.0.412.');
    expect(mail!.parsed.html).toContain('<html lang="' + language + '">');
    expect(mail!.parsed.headers.get('auto-submitted')).toBeUndefined();
    expect(mail!.parsed.headers.get('x-guichet-mail')).toBe(ticket.number);
    // the second reply threads under the first (the latest mail of the thread, none came from the customer)
    clock.advance(60_000);
    const second = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Avez-vous pu essayer ?', defaultChannel: 'web' });
    await rt.runner.runOnce();
    const next = await smtp.mailOf(second.messageId);
    expect(next.parsed.messageId).toBe(`<guichet.${second.messageId}@guichet.test>`);
    expect(next.parsed.inReplyTo).toBe(mail!.parsed.messageId);
    expect(next.parsed.references).toContain(mail!.parsed.messageId);
    const log = await rt.deps.db.selectFrom('mailLog').selectAll().where('messageId', '=', second.messageId).executeTakeFirstOrThrow();
    expect(log.action).toBe('sent');
    expect(await rt.deps.db.selectFrom('mailRaw').select('mailId').where('mailId', '=', log.id).executeTakeFirst()).toBeDefined();
  });

  it('sends nothing for internal notes and customer messages, and marks automatic mails', async () => {
    const customer = await makeUser(rt.deps, { language: 'en' });
    const ticket = await createTicket(rt.deps, { actor: customer.actor, subject: 'Licence', body: 'Where is my key?', defaultChannel: 'web' });
    const before = (await jobRows()).length;
    await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'note', internal: true, defaultChannel: 'web' });
    await addMessage(rt.deps, { actor: customer.actor, ticketId: ticket.id, body: 'more', defaultChannel: 'web' });
    expect((await jobRows()).length).toBe(before);
    // a message Guichet writes by itself goes out with Auto-Submitted and X-Loop
    const { addSystemMessage } = await import('../../src/server/services/mail/system-message.js');
    const systemId = await rt.deps.db.transaction().execute((trx) => addSystemMessage(rt.deps, trx, { ticketId: ticket.id, text: 'We received your request.', internal: false }));
    await rt.runner.runOnce();
    const mail = await smtp.mailOf(systemId);
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail!.parsed.headers.get('x-loop')).toBe('support@guichet.test');
    expect(mail!.parsed.text).toContain('We received your request.');
  });

  it('attaches the files of the reply', async () => {
    const customer = await makeUser(rt.deps, { language: 'en' });
    const ticket = await createTicket(rt.deps, { actor: customer.actor, subject: 'Patch please', body: 'Need the fix', defaultChannel: 'web' });
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Here is the fix.', defaultChannel: 'web', files: [{ filename: 'fix-28.0.413.txt', contentType: 'text/plain', data: Buffer.from('apply this patch') }] });
    await rt.runner.runOnce();
    const mail = await smtp.mailOf(reply.messageId);
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([['fix-28.0.413.txt', 'text/plain', 'apply this patch']]);
  });

  it('retries a refused delivery with backoff and, after the last attempt, adds a translated internal note', async () => {
    const customer = await makeUser(rt.deps, { language: 'fr' });
    const ticket = await createTicket(rt.deps, { actor: customer.actor, subject: 'Panne', body: 'Ça ne marche pas', defaultChannel: 'web', language: 'fr' });
    await rt.runner.runOnce(); // whatever the ticket sent by itself (the acceptance confirmation) goes out first
    smtp.refuse = 'mailbox unavailable';
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Bonjour', defaultChannel: 'web' });
    const find = async () => (await jobRows()).find((j) => JSON.parse(j.payload).messageId === reply.messageId)!;
    const mailsBefore = smtp.mails.length;
    await rt.runner.runOnce();
    let job = await find();
    expect(job.state).toBe('queued');
    expect(job.attempts).toBe(1);
    expect(job.lastError).toContain('mailbox unavailable');
    for (let i = 2; i <= 6; i += 1) {
      clock.advance(7 * 3600 * 1000);
      await rt.runner.runOnce();
    }
    job = await find();
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(6);
    const notes = (await listTicketMessages(rt.deps.db, ticket.id, true)).filter((m) => m.kind === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.internal).toBe(1);
    expect(notes[0]!.bodyText).toContain("n’a pas pu être remis à");
    expect(notes[0]!.bodyText).toContain('6 tentatives');
    const log = await rt.deps.db.selectFrom('mailLog').selectAll().where('messageId', '=', reply.messageId).executeTakeFirstOrThrow();
    expect(log.action).toBe('failed');
    expect(smtp.mails).toHaveLength(mailsBefore);
  });
});
