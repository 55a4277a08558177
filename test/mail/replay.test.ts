import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSmtpMailers } from '../../src/server/adapters/mail-smtp.js';
import { findTicket } from '../../src/server/repositories/tickets.repository.js';
import { ingestMail } from '../../src/server/services/mail/ingest-mail.js';
import { addMessage } from '../../src/server/services/tickets/add-message.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { plainMail } from './support/fixtures.js';
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

async function jobCount(): Promise<number> {
  const row = await rt.deps.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'mail.ticket-message').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A small deterministic generator, so a failure replays the same way. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REQUESTS = [
  ['fr', 'Export de la TVA impossible', 'Bonjour, l’export de la déclaration de TVA échoue depuis la mise à jour. Merci de votre aide.'],
  ['es', 'No se imprimen las facturas', 'Buenos días, las facturas no se imprimen desde ayer y necesitamos enviarlas hoy. Gracias.'],
  ['en', 'Licence not recognised', 'Hello, the licence key is not recognised on the new workstation since this morning. Thanks.'],
  ['ru', 'Не открывается архив', 'Здравствуйте, программа не открывает архив документов после обновления. Спасибо.'],
] as const;

const AUTO_HEADERS = [['Auto-Submitted: auto-replied'], ['X-Autoreply: yes'], ['Precedence: bulk'], ['X-Autorespond: vacation'], ['Auto-Submitted: auto-generated', 'X-Loop: support@guichet.test']];

describe('replay of 1,000 generated mails', () => {
  it('puts every reply on its ticket and answers no automatic mail', async () => {
    const random = rng(20270301);
    type Known = { number: string; sender: string; subject: string; ours: string[] };
    const tickets: Known[] = [];
    const plan = [...Array(300).fill('new'), ...Array(400).fill('reply'), ...Array(200).fill('auto'), ...Array(100).fill('bounce')] as string[];
    const outcomes = { created: 0, appended: 0, ignored: 0, rejected: 0 };
    let replies = 0;
    let autos = 0;
    let bounces = 0;
    let seq = 0;
    const expectedOnTicket = new Map<string, string>(); // marker → ticket number
    // Keep the plan's mix but make sure a reply, auto-reply or bounce has a ticket to refer to.
    const queue: string[] = [];
    const pending = [...plan];
    while (pending.length > 0) {
      const i = Math.floor(random() * pending.length);
      const kind = pending[i]!;
      if (kind !== 'new' && tickets.length < 5) continue;
      pending.splice(i, 1);
      queue.push(kind);
      if (kind === 'new') tickets.push({ number: '', sender: '', subject: '', ours: [] });
    }
    tickets.length = 0;
    const agentRepliesPending: string[] = [];
    for (const kind of queue) {
      seq += 1;
      if (kind === 'new') {
        const [, subject, body] = REQUESTS[seq % 4]!;
        const sender = `customer${seq}@client${seq % 37}.example`;
        const outcome = await ingestMail(rt.deps, plainMail({ from: sender, subject, id: `new-${seq}@client.example`, body }));
        outcomes[outcome.action] += 1;
        expect(outcome.action).toBe('created');
        const ticket = (await findTicket(rt.deps.db, outcome.ticket!))!;
        const reply = await addMessage(rt.deps, { actor: agent.actor, ticketId: ticket.id, body: `Answer to ${ticket.number}`, defaultChannel: 'web' });
        agentRepliesPending.push(reply.messageId);
        tickets.push({ number: ticket.number, sender, subject, ours: [`<guichet.${reply.messageId}@guichet.test>`] });
        continue;
      }
      if (agentRepliesPending.length > 0) {
        await rt.runner.runOnce();
        agentRepliesPending.length = 0;
      }
      const target = tickets[Math.floor(random() * tickets.length)]!;
      const jobsBefore = await jobCount();
      const ourId = target.ours[target.ours.length - 1]!;
      if (kind === 'reply') {
        replies += 1;
        const marker = `replay-marker-${seq}`;
        expectedOnTicket.set(marker, target.number);
        const threaded = random() < 0.7;
        const raw = plainMail({
          from: target.sender,
          subject: `Re: [#${target.number}] ${target.subject}`,
          id: `reply-${seq}@client.example`,
          headers: threaded ? [`In-Reply-To: ${ourId}`, `References: ${ourId}`] : [],
          body: `${marker} still failing.\n\nOn Mon, 1 Mar 2027 at 10:00, Support <support@guichet.test> wrote:\n> ##- Please type your reply above this line -##\n> Answer to ${target.number}`,
        });
        const outcome = await ingestMail(rt.deps, threaded ? raw : Buffer.from(raw.toString('utf8').replace(/^In-Reply-To:.*\r\n|^References:.*\r\n/gm, '')));
        outcomes[outcome.action] += 1;
        expect(outcome).toEqual({ action: 'appended', ticket: target.number, reason: null });
        // a customer's reply is not answered by a machine either: only agents answer it
        expect(await jobCount()).toBe(jobsBefore);
      } else if (kind === 'auto') {
        autos += 1;
        const outcome = await ingestMail(rt.deps, plainMail({ from: target.sender, subject: `Automatic reply: [#${target.number}] ${target.subject}`, id: `auto-${seq}@client.example`, headers: [`In-Reply-To: ${ourId}`, ...AUTO_HEADERS[seq % AUTO_HEADERS.length]!], body: 'I am away until Monday.' }));
        outcomes[outcome.action] += 1;
        expect(outcome.action).toBe('ignored');
        expect(outcome.reason).toMatch(/^automatic:/);
        expect(await jobCount()).toBe(jobsBefore);
      } else {
        bounces += 1;
        const raw = Buffer.from(
          `From: MAILER-DAEMON@mx.client.example\r\nTo: support@guichet.test\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce-${seq}@mx.client.example>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.client.example\r\n\r\nFinal-Recipient: rfc822; ${target.sender}\r\nAction: failed\r\nStatus: 5.2.2\r\nDiagnostic-Code: smtp; 552 mailbox full\r\n\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: ${ourId}\r\nSubject: [#${target.number}] ${target.subject}\r\n\r\n--b--\r\n`,
        );
        const outcome = await ingestMail(rt.deps, raw);
        outcomes[outcome.action] += 1;
        expect(outcome).toEqual({ action: 'appended', ticket: target.number, reason: 'bounce' });
        expect(await jobCount()).toBe(jobsBefore);
      }
    }
    await rt.runner.runOnce();
    expect(seq).toBe(1000);
    expect({ replies, autos, bounces }).toEqual({ replies: 400, autos: 200, bounces: 100 });
    expect(outcomes).toEqual({ created: 300, appended: 500, ignored: 200, rejected: 0 });

    // every customer reply is on the ticket it answered, once, without the quote
    const rows = await rt.deps.db
      .selectFrom('messages')
      .innerJoin('tickets', 'tickets.id', 'messages.ticketId')
      .select(['messages.bodyText', 'tickets.number', 'messages.kind'])
      .where('messages.bodyText', 'like', 'replay-marker-%')
      .execute();
    expect(rows).toHaveLength(400);
    for (const r of rows) {
      const marker = r.bodyText.split(' ')[0]!;
      expect(r.number).toBe(expectedOnTicket.get(marker));
      expect(r.kind).toBe('customer');
      expect(r.bodyText).toBe(`${marker} still failing.`);
    }
    // nothing automatic was answered (checked after each one above); what went out is the 300
    // agent replies plus the mails Guichet wrote when each request was accepted, all delivered
    const jobs = await rt.deps.db.selectFrom('jobs').select(['payload', 'state']).where('name', '=', 'mail.ticket-message').execute();
    expect(jobs.filter((j) => JSON.parse(j.payload).automatic === false)).toHaveLength(300);
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    const automaticIds = jobs.filter((j) => JSON.parse(j.payload).automatic === true).map((j) => JSON.parse(j.payload).messageId as string);
    const automaticMessages = automaticIds.length === 0 ? [] : await rt.deps.db.selectFrom('messages').select(['kind', 'authorId']).where('id', 'in', automaticIds).execute();
    expect(automaticMessages.every((m) => m.kind === 'system' && m.authorId === null)).toBe(true);
    expect(smtp.mails).toHaveLength(jobs.length);
    // bounces became internal notes
    const notes = await rt.deps.db.selectFrom('messages').select('id').where('kind', '=', 'note').where('internal', '=', 1).execute();
    expect(notes).toHaveLength(100);
  }, 600_000);
});
