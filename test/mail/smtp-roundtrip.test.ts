import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailServices, type MailServices } from '../../src/server/main/mail-main.js';
import { listTicketMessages } from '../../src/server/repositories/messages.repository.js';
import { findTicket } from '../../src/server/repositories/tickets.repository.js';
import { addMessage } from '../../src/server/services/tickets/add-message.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';

let rt: TestRuntime;
let outbox: SmtpCapture;
let mail: MailServices;
let agent: TestUser;
let client: nodemailer.Transporter;

beforeAll(async () => {
  outbox = await startSmtpCapture();
  rt = await createTestRuntime({
    env: {
      GUICHET_SMTP_HOST: '127.0.0.1',
      GUICHET_SMTP_PORT: String(outbox.port),
      GUICHET_SMTP_TLS: 'none',
      GUICHET_MAIL_FROM: 'Support <support@guichet.test>',
      GUICHET_MAIL_RECEIVER_PORT: '0',
      GUICHET_MAIL_RECEIVER_HOST: '127.0.0.1',
      GUICHET_MAIL_MAX_BYTES: String(256 * 1024),
    },
  });
  mail = await startMailServices(rt, rt.config);
  agent = await makeUser(rt.deps, { role: 'agent' });
  client = nodemailer.createTransport({ host: '127.0.0.1', port: mail.receiver!.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  client?.close();
  await mail?.stop();
  await rt?.dispose();
  await outbox?.close();
});

describe('SMTP round trip on loopback', () => {
  it('a mail sent to the receiver becomes a ticket, confirmed by mail; the agent reply is mailed back; the answer lands on the ticket', async () => {
    const sent = await client.sendMail({ from: 'Marta Gómez <marta@clinica-gomez.es>', to: 'support@guichet.test', subject: 'No puedo imprimir recetas', text: 'Buenos días, desde ayer el programa no imprime las recetas y muestra un error de impresora. ¿Pueden ayudarme?' });
    expect(sent.accepted).toEqual(['support@guichet.test']);
    const log = await rt.deps.db.selectFrom('mailLog').selectAll().where('rfcMessageId', '=', sent.messageId).executeTakeFirstOrThrow();
    expect(log.action).toBe('created');
    const ticket = (await findTicket(rt.deps.db, log.ticketId!))!;
    expect(ticket.channel).toBe('email');
    expect(ticket.language).toBe('es');
    // the acceptance confirmation (intake) goes out by itself, marked automatic, in Spanish
    await rt.runner.runOnce();
    const automatic = (await listTicketMessages(rt.deps.db, ticket.id, false)).filter((m) => m.kind === 'system');
    expect(automatic.length).toBeGreaterThanOrEqual(1);
    const confirmation = await outbox.mailOf(automatic[0]!.id);
    expect(confirmation.to).toEqual(['marta@clinica-gomez.es']);
    expect(confirmation.parsed.subject).toBe(`[#${ticket.number}] No puedo imprimir recetas`);
    expect(confirmation.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(confirmation.parsed.inReplyTo).toBe(sent.messageId);
    expect(confirmation.parsed.text).toContain(ticket.number);
    expect(confirmation.parsed.text).toContain('Escriba su respuesta encima de esta línea');
    const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: 'Reinstale el controlador de la impresora, por favor.', defaultChannel: 'web' });
    await rt.runner.runOnce();
    const out = await outbox.mailOf(reply.messageId);
    expect(out!.to).toEqual(['marta@clinica-gomez.es']);
    expect(out!.parsed.subject).toBe(`[#${ticket.number}] No puedo imprimir recetas`);
    expect(out!.parsed.inReplyTo).toBe(sent.messageId);
    expect(out!.parsed.headers.get('auto-submitted')).toBeUndefined();
    expect(out!.parsed.text).toContain('Escriba su respuesta encima de esta línea');
    expect(out!.parsed.text).toContain('Reinstale el controlador');
    // the customer answers from their mail client, quoting our mail
    await client.sendMail({
      from: 'marta@clinica-gomez.es',
      to: 'support@guichet.test',
      subject: `Re: ${out!.parsed.subject}`,
      inReplyTo: out!.parsed.messageId,
      references: [sent.messageId, out!.parsed.messageId!],
      text: `Funciona, gracias.\n\nEl lun, 1 mar 2027 a las 10:00, Support escribió:\n> ${out!.parsed.text!.split('\n').join('\n> ')}`,
    });
    const thread = (await listTicketMessages(rt.deps.db, ticket.id, true)).filter((m) => m.kind !== 'system');
    expect(thread.map((m) => m.kind)).toEqual(['customer', 'reply', 'customer']);
    expect(thread[2]!.bodyText).toBe('Funciona, gracias.');
    expect(thread[1]!.id).toBe(reply.messageId);
  });

  it('a mail over the size limit is refused during the transfer (552), so the sending server tells the sender', async () => {
    await expect(client.sendMail({ from: 'big@sender.example', to: 'support@guichet.test', subject: 'Big', text: 'x'.repeat(300 * 1024) })).rejects.toMatchObject({ responseCode: 552 });
  });

  it('an out-of-office answer through the receiver is taken in and never answered', async () => {
    const before = await rt.deps.db.selectFrom('jobs').select('id').where('name', '=', 'mail.ticket-message').execute();
    const sent = await client.sendMail({ from: 'away@clinic.example', to: 'support@guichet.test', subject: 'Out of office', text: 'Back on Monday', headers: { 'Auto-Submitted': 'auto-replied' } });
    const log = await rt.deps.db.selectFrom('mailLog').selectAll().where('rfcMessageId', '=', sent.messageId).executeTakeFirstOrThrow();
    expect(log.action).toBe('ignored');
    expect((await rt.deps.db.selectFrom('jobs').select('id').where('name', '=', 'mail.ticket-message').execute()).length).toBe(before.length);
  });
});
