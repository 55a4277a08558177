import { describe, expect, it } from 'vitest';
import { automaticReason, isBounce } from './automatic.js';
import { domainOfAddress, findOurMessageIds, ourMessageId, parseMessageIds } from './message-ids.js';
import { trimQuoted } from './quote.js';
import { cleanSubject, findTicketNumber, tagSubject } from './subject-tag.js';

const h = (pairs: Array<[string, string]>) => {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
};

describe('automaticReason', () => {
  it.each([
    [[], 'alice@example.com', null],
    [[['auto-submitted', 'auto-replied']], 'a@b.example', 'auto_submitted'],
    [[['auto-submitted', 'auto-generated']], 'a@b.example', 'auto_submitted'],
    [[['auto-submitted', 'no']], 'a@b.example', null],
    [[['precedence', 'bulk']], 'a@b.example', 'precedence'],
    [[['precedence', 'Junk']], 'a@b.example', 'precedence'],
    [[['precedence', 'list']], 'a@b.example', 'precedence'],
    [[['precedence', 'first-class']], 'a@b.example', null],
    [[['x-loop', 'support@guichet.test']], 'a@b.example', 'x_loop'],
    [[['x-loop', 'other@desk.example']], 'a@b.example', null],
    [[['x-autoreply', 'yes']], 'a@b.example', 'x_autoreply'],
    [[['x-autorespond', 'x']], 'a@b.example', 'x_autoreply'],
    [[['x-auto-response-suppress', 'All']], 'a@b.example', 'x_autoreply'],
    [[['list-id', '<l.example>']], 'a@b.example', 'mailing_list'],
    [[['x-guichet-mail', 'GU-2027-000001']], 'a@b.example', 'own_mail'],
    [[], 'MAILER-DAEMON@mx.example', 'mailer_daemon'],
  ] as Array<[Array<[string, string]>, string, string | null]>)('%j from %s → %s', (headers, from, expected) => {
    expect(automaticReason(h(headers), 'support@guichet.test', from)).toBe(expected);
  });
});

describe('isBounce', () => {
  it.each([
    ['multipart/report; report-type=delivery-status; boundary="x"', 'x@y.example', 'whatever', true],
    ['multipart/report; report-type="delivery-status"', null, '', true],
    ['multipart/report; report-type=disposition-notification', 'x@y.example', 'Read: hi', false],
    ['text/plain', 'MAILER-DAEMON@mx.example', 'Undelivered Mail Returned to Sender', true],
    ['text/plain', 'postmaster@mx.example', 'failure notice', true],
    ['text/plain', 'alice@example.com', 'Undelivered invoice?', false],
  ])('%s from %s "%s" → %s', (ct, from, subject, expected) => {
    expect(isBounce(ct, from, subject)).toBe(expected);
  });
});

describe('subject tag', () => {
  it.each([
    ['Crash', 'GU-2027-000001', '[#GU-2027-000001] Crash'],
    ['[#GU-2027-000001] Crash', 'GU-2027-000001', '[#GU-2027-000001] Crash'],
    ['  Re:   many   spaces ', 'GU-2027-000002', '[#GU-2027-000002] Re: many spaces'],
  ])('tagSubject(%s)', (subject, number, expected) => expect(tagSubject(subject, number)).toBe(expected));
  it.each([
    ['Re: [#GU-2027-000123] Crash', 'GU-2027-000123'],
    ['RE: [# gu-2027-000123 ] Crash', 'GU-2027-000123'],
    ['Crash #GU-2027-000123', null],
    ['[#GU-27-1] nope', null],
    ['', null],
  ])('findTicketNumber(%s) → %s', (subject, expected) => expect(findTicketNumber(subject)).toBe(expected));
  it.each([
    ['Re: Fwd: TR: [#GU-2027-000001] Crash', 'Crash'],
    ['RV: Consulta', 'Consulta'],
    ['Отв: Ошибка печати', 'Ошибка печати'],
    ['Réunion', 'Réunion'],
  ])('cleanSubject(%s) → %s', (subject, expected) => expect(cleanSubject(subject)).toBe(expected));
});

describe('message ids', () => {
  it('parses, builds and finds ours', () => {
    expect(parseMessageIds('<a@b> <c@d>\r\n <a@b>')).toEqual(['<a@b>', '<c@d>']);
    expect(parseMessageIds('garbage')).toEqual([]);
    expect(ourMessageId('0190-ab', 'guichet.test')).toBe('<guichet.0190-ab@guichet.test>');
    expect(domainOfAddress('Support <Support@Desk.Example>')).toBe('desk.example');
    expect(findOurMessageIds('Message-ID: <guichet.0190-ab@guichet.test>\nIn-Reply-To: <x@y>')).toEqual(['<guichet.0190-ab@guichet.test>']);
  });
});

describe('trimQuoted', () => {
  it.each([
    ['Thanks!\n\nOn Mon, 1 Mar 2027 at 10:00, Support <s@x> wrote:\n> ##- Please type your reply above this line -##\n> old', 'Thanks!', true],
    ['Merci\n\nLe lun. 1 mars 2027 à 10:00, Support <s@x> a écrit :\n> ancien', 'Merci', true],
    ['Gracias\n\nEl lun, 1 mar 2027 a las 10:00, Soporte escribió:\n> viejo', 'Gracias', true],
    ['Спасибо\n\n1 марта 2027 г., в 10:00, Поддержка пишет:\n> старое', 'Спасибо', true],
    ['Answer\n##- Please type your reply above this line -##\nold mail', 'Answer', true],
    ['It still fails.\n\n-----Original Message-----\nFrom: Support\nSent: Monday', 'It still fails.', true],
    ['New text\n\nFrom: Support <s@x>\nSent: Monday\nTo: me', 'New text', true],
    ['I got a mail from: my boss yesterday.\nSecond line', 'I got a mail from: my boss yesterday.\nSecond line', false],
    ['Plain message\n> quoted line in the middle\nmore', 'Plain message\n> quoted line in the middle\nmore', false],
    ['> only a quote', '> only a quote', false],
  ])('%j', (text, expected, trimmed) => {
    expect(trimQuoted(text)).toEqual({ text: expected, trimmed });
  });
});
