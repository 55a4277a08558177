import { existsSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { listTicketMessages } from '../../src/server/repositories/messages.repository.js';
import { findTicket } from '../../src/server/repositories/tickets.repository.js';
import { scheduleImapPoll } from '../../src/server/services/mail/imap-poll.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { DOVECOT, startDovecot, type TestDovecot } from './support/dovecot.js';
import { eml, variant } from './support/fixtures.js';

// Dovecot comes from Debian (apt-get install dovecot-imapd); without it this file cannot run.
const haveDovecot = existsSync(DOVECOT);

let rt: TestRuntime;
let imap: TestDovecot;
let clock: ManualClock;

async function append(...mails: Buffer[]): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port: imap.port, secure: false, doSTARTTLS: false, auth: { user: imap.user, pass: imap.password }, logger: false });
  await client.connect();
  for (const m of mails) await client.append('INBOX', m);
  await client.logout();
}

async function unseen(): Promise<number> {
  const client = new ImapFlow({ host: '127.0.0.1', port: imap.port, secure: false, doSTARTTLS: false, auth: { user: imap.user, pass: imap.password }, logger: false });
  await client.connect();
  const status = await client.status('INBOX', { unseen: true, messages: true });
  await client.logout();
  return status.unseen ?? -1;
}

describe.skipIf(!haveDovecot)('IMAP polling against a real dovecot', () => {
  beforeAll(async () => {
    imap = await startDovecot();
    clock = new ManualClock('2027-03-01T09:00:00Z');
    rt = await createTestRuntime({
      clock,
      env: { GUICHET_IMAP_HOST: '127.0.0.1', GUICHET_IMAP_PORT: String(imap.port), GUICHET_IMAP_TLS: 'false', GUICHET_IMAP_USER: imap.user, GUICHET_IMAP_PASSWORD: imap.password, GUICHET_IMAP_POLL_SECONDS: '60' },
    });
  });
  afterAll(async () => {
    await rt?.dispose();
    await imap?.stop();
  });

  it('takes unseen mail through the pipeline, flags it seen, and polls again at the interval', async () => {
    await append(eml('new-fr.eml'), eml('auto-auto-submitted.eml', { SUBJECT: 'x' }), eml('new-ru-1251.eml'));
    expect(await unseen()).toBe(3);
    await scheduleImapPoll(rt.deps);
    await rt.runner.runOnce();
    expect(await unseen()).toBe(0);
    const logs = await rt.deps.db.selectFrom('mailLog').select(['rfcMessageId', 'action', 'ticketId']).where('direction', '=', 'in').orderBy('rfcMessageId').execute();
    expect(logs.map((l) => [l.rfcMessageId, l.action])).toEqual([
      ['<auto-auto-submitted@customer.example>', 'ignored'],
      ['<fr-001@cabinet-dupre.fr>', 'created'],
      ['<ru-1251-001@buhuchet.ru>', 'created'],
    ]);
    const ru = (await findTicket(rt.deps.db, logs[2]!.ticketId!))!;
    expect(ru.subject).toBe('Не открывается архив документов');
    // the next poll is queued one interval later, and picks up a reply then
    const next = await rt.deps.db.selectFrom('jobs').selectAll().where('name', '=', 'mail.imap-poll').where('state', '=', 'queued').executeTakeFirstOrThrow();
    expect(next.runAt).toBe('2027-03-01T09:01:00.000Z');
    await append(variant(eml('reply-subject-only.eml', { FROM: 'irina.petrova@buhuchet.ru', NUMBER: ru.number, ID: 'imap' }), ['It still crashes with 25 invoices.', 'Архив всё ещё не открывается.']));
    await rt.runner.runOnce();
    expect(await unseen()).toBe(1);
    clock.advance(60_000);
    await rt.runner.runOnce();
    expect(await unseen()).toBe(0);
    const thread = (await listTicketMessages(rt.deps.db, ru.id, false)).filter((m) => m.kind === 'customer');
    expect(thread).toHaveLength(2);
    expect(thread[1]!.bodyText).toBe('Архив всё ещё не открывается.');
  });
});

if (!haveDovecot) {
  describe('IMAP polling', () => {
    it.skip(`needs ${DOVECOT} (Debian package dovecot-imapd): not installed here`, () => {});
  });
}
