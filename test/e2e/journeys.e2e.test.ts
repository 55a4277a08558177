import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openActor, type Actor } from './support/browser.js';
import { tr, trCount, trPattern } from './support/catalog.js';
import { pngImage, pdfDocument } from './support/files.js';
import { startGuichet, type GuichetServer } from './support/guichet-server.js';
import { checkScreen, DEMO, screenshot, signIn } from './support/journey.js';

/** A small attachment limit keeps the over-size file small; the app reads it from the server. */
const LIMIT = 1024 * 1024;
let server: GuichetServer;

beforeAll(async () => {
  server = await startGuichet({ GUICHET_ATTACHMENT_MAX_BYTES: String(LIMIT) });
  // The journeys run on the database the suite was asked for (PostgreSQL with TEST_DATABASE_URL).
  expect(((await (await fetch(`${server.url}/healthz`)).json()) as { database: string }).database).toBe(server.dialect);
});
afterAll(async () => server?.stop());

/** A signed-in API caller (cookie and CSRF token), for the journeys' setting of the scene. */
async function apiAs(who: { email: string; password: string }) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, json?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  };
}

/**
 * The scene of "next ticket": colleagues already took every waiting ticket that ranks before the
 * customer's one in the agent's queue (the demo desk has dozens), so the top of the queue is the
 * customer's request. A ticket that direct assistance gave to the designated engineer is put back
 * in the queue first. Whatever "next ticket" then takes is still chosen by the server.
 */
async function leaveFirstInQueue(agentLogin: { email: string; password: string }, number: string): Promise<void> {
  const admin = await apiAs(DEMO.admin);
  const agent = await apiAs(agentLogin);
  const ticket = await admin<{ id: string; assigneeId: string | null }>('GET', `/tickets/${number}`);
  if (ticket.assigneeId) await admin('PATCH', `/tickets/${ticket.id}`, { assigneeId: null });
  const users = await admin<{ items: Array<{ id: string; email: string }> }>('GET', '/users?role=agent');
  const colleague = users.items.find((u) => u.email === DEMO.diego.email)!.id;
  for (let i = 0; i < 500; i++) {
    const top = await agent<{ items: Array<{ ticket: { id: string } }> }>('GET', '/queue?assignee=none&limit=1');
    if (top.items[0]?.ticket.id === ticket.id) return;
    await admin('PATCH', `/tickets/${top.items[0]!.ticket.id}`, { assigneeId: colleague });
  }
  throw new Error('the queue did not empty');
}

const JOURNEYS = [
  { lang: 'fr', locale: 'fr-FR', timezoneId: 'Europe/Paris', customer: DEMO.marie, agent: DEMO.camille, agentName: 'Camille Roux', shots: '' },
  { lang: 'ru', locale: 'ru-RU', timezoneId: 'Europe/Moscow', customer: DEMO.ivan, agent: DEMO.olga, agentName: 'Olga Smirnova', shots: '-ru' },
];

describe.each(JOURNEYS)('main journeys in $lang', ({ lang, locale, timezoneId, customer: customerLogin, agent: agentLogin, agentName, shots }) => {
  let customer: Actor;
  let agent: Actor;
  let number = '';
  const subject = lang === 'fr' ? 'Export comptable : le fichier FEC est vide' : 'Экспорт в 1С: файл выгрузки пустой';
  const body = lang === 'fr' ? 'Depuis la version 11.3, le fichier FEC exporté est vide.\nÉtapes : Exports > FEC > Générer.' : 'С версии 11.3 файл выгрузки пустой.\nШаги: Экспорт > 1С > Сформировать.';
  const note = lang === 'fr' ? 'Bug connu 4821, correctif en 11.3.2' : 'Известная ошибка 4821, исправление в 11.3.2';
  const reply = lang === 'fr' ? 'Merci. Pouvez-vous nous envoyer le journal export.log ?' : 'Спасибо. Пришлите, пожалуйста, журнал export.log.';
  const answer = lang === 'fr' ? 'Voici le journal demandé.' : 'Вот журнал, который вы просили.';
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const steps = lang === 'fr' ? 'Exports > FEC > Générer' : 'Экспорт > 1С > Сформировать';
  const comment = lang === 'fr' ? 'Le fichier est toujours vide après le correctif.' : 'После исправления файл всё ещё пустой.';
  /** The standard request of the demo product (its form marks these fields required). */
  const fillStandardRequest = async (page: Actor['page']) => {
    await page.getByLabel(t('intake:field.product')).selectOption({ label: 'Gestio Compta' });
    await page.getByLabel(t('intake:field.version')).selectOption('11.2');
    await page.getByLabel(t('intake:field.criticality')).selectOption('major');
    await page.getByLabel(t('intake:field.frequency')).selectOption('always');
    await page.getByLabel(t('intake:field.steps')).fill(steps);
    await page.getByLabel(t('intake:field.contactPhone')).fill('+33 1 23 45 67 89');
  };

  beforeAll(async () => {
    customer = await openActor({ locale, timezoneId });
    agent = await openActor({ locale, timezoneId });
  });
  afterAll(async () => {
    await customer?.close();
    await agent?.close();
  });

  it('a customer files a request with attachments and sees the confirmation with its number', async () => {
    // The agent watches every ticket, to see the request arrive without reloading.
    await signIn(agent, server.url, lang, agentLogin);
    await agent.page.getByRole('link', { name: t('console2:views.all') }).click();
    await expect.poll(() => agent.page.locator('tbody tr').count()).toBeGreaterThan(0);

    const { page } = customer;
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('web:signIn.title'));
    await signIn(customer, server.url, lang, customerLogin);
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('portal:home.title'));
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(customer, `portal-home${shots}`);
    await checkScreen(customer);

    await page.getByRole('navigation').getByRole('link', { name: t('portal:nav.new') }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('portal:new.title'));
    // The limit is told before anything is chosen...
    const limits = page.locator('.files .hint');
    await expect.poll(() => limits.textContent()).toMatch(trPattern(trCount(lang, 'web:files.limits', 20, { size: '{{size}}' })));
    // ...and a file over it is refused on the spot, by name.
    const files = page.locator('input[type=file]');
    await files.setInputFiles({ name: 'export-complet.log', mimeType: 'text/plain', buffer: Buffer.alloc(LIMIT + 200_000, 'x') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(trPattern(t('web:files.tooLarge', { name: 'export-complet.log' })));
    expect(await page.locator('.files__item').count()).toBe(0);

    await page.getByLabel(t('portal:new.subject')).fill(subject);
    await page.getByLabel(t('portal:new.body')).fill(body);
    await fillStandardRequest(page);
    await files.setInputFiles([
      { name: 'capture.png', mimeType: 'image/png', buffer: pngImage() },
      { name: 'facture.pdf', mimeType: 'application/pdf', buffer: pdfDocument('Facture 2027-0042') },
    ]);
    await expect.poll(() => page.locator('.files__item').count()).toBe(2);
    await screenshot(customer, `request-form${shots}`);
    await checkScreen(customer);
    await page.getByRole('button', { name: t('portal:new.submit') }).click();

    await page.waitForURL(/\/portal\/requests\/[A-Z]+-\d{4}-\d{6}$/);
    number = page.url().split('/').pop()!;
    const confirmation = page.locator('.confirmation');
    await expect.poll(() => confirmation.textContent()).toContain(t('portal:view.createdText', { number }));
    // The SLA gives every accepted request an expected response time, shown with the number.
    expect(await confirmation.textContent()).toContain(t('portal:view.createdExpected'));
    expect(await confirmation.textContent()).not.toContain(t('portal:view.createdNoTarget'));
    const thumb = page.locator('.attachment__thumb img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    await checkScreen(customer);

    // The agent's list shows the new request by itself (live events).
    await expect.poll(() => agent.page.locator('tbody tr').first().textContent(), { timeout: 10_000 }).toContain(number);
  });

  it('the server refuses a file over the limit even when the browser lets it through (413, explained)', async () => {
    const { page } = customer;
    // A browser that skipped the check (an old tab, a script): the server still refuses, in the person's language.
    await page.route('**/api/v1/client-settings', (route) => route.fulfill({ json: { attachmentMaxBytes: 50 * LIMIT, attachmentsPerRequest: 20, ticketPrefix: 'GU' } }));
    await page.goto(`${server.url}/portal/new`);
    await page.getByLabel(t('portal:new.subject')).fill(`${subject} (2)`);
    await page.getByLabel(t('portal:new.body')).fill(body);
    await fillStandardRequest(page);
    await page.locator('input[type=file]').setInputFiles({ name: 'dump.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(LIMIT + 100_000, 1) });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: t('portal:new.submit') }).click();
    expect((await answer).status()).toBe(413);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(tr(lang, 'errors:attachment_too_large', { filename: 'dump.bin', max: 1 }));
    expect(page.url()).toMatch(/\/portal\/new$/);
    await page.unroute('**/api/v1/client-settings');
    await page.goto(`${server.url}/portal/requests/${number}`);
    // The request and its acceptance confirmation: the refused upload added nothing.
    await expect.poll(() => page.locator('.message').count()).toBe(2);
  });

  it('an agent sees the ranked queue, takes the next ticket, adds a note, replies and sets it pending with a reason', async () => {
    await leaveFirstInQueue(agentLogin, number);
    const cannedTitle = lang === 'fr' ? 'Demander le journal d’export' : 'Запросить журнал выгрузки';
    await (await apiAs(agentLogin))('POST', '/canned-replies', { language: lang, title: cannedTitle, body: reply });
    const { page } = agent;
    await page.getByRole('link', { name: t('console2:views.unassigned') }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('console2:views.unassigned'));
    // The queue shows the API's rank: the place, the business time left and the reasons, in the agent's language.
    const first = page.locator('tbody tr').first();
    await expect.poll(() => first.locator('.ticket-number').textContent(), { timeout: 10_000 }).toBe(number);
    expect(await first.locator('.queue__position').textContent()).toBe('1');
    expect(await first.locator('.reasons__item').count()).toBeGreaterThanOrEqual(3);
    expect(await first.locator('.clock').textContent()).toMatch(trPattern(t('console2:sla.left')));
    await screenshot(agent, `agent-queue${shots}`);
    await checkScreen(agent);

    await page.getByRole('button', { name: t('console2:next.button') }).click();
    await page.waitForURL(new RegExp(`/console/tickets/${number}$`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(subject);
    // It is now the agent's: the queue gave it to nobody else.
    await expect.poll(() => page.getByLabel(t('console:props.assignee')).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(agentName);
    // Side panels: the service-level clocks with business time left, and the entitlement explained.
    await expect.poll(() => page.locator('.clocks').textContent()).toContain(t('console2:sla.target.firstResponse'));
    await expect.poll(() => page.locator('.entitlement__why').count()).toBe(1);

    await expect.poll(() => page.locator('.attachment__thumb img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    const pdf = page.waitForResponse((r) => /\/api\/v1\/attachments\//.test(r.url()) && r.headers()['content-type'] === 'application/pdf');
    await page.getByRole('button', { name: t('web:attachments.preview') }).click();
    expect((await pdf).status()).toBe(200);
    expect(await page.locator('iframe.attachment__pdf').getAttribute('title')).toBe(t('web:attachments.pdfTitle', { name: 'facture.pdf' }));

    await page.keyboard.press('n');
    await page.keyboard.type(note);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.message--note').textContent()).toContain(note);
    expect(await page.locator('.message--note .message__role').textContent()).toBe(t('web:thread.note'));

    // The reply is a canned reply of the ticket's language, picked in the composer.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await page.getByLabel(t('console2:canned.pick')).selectOption({ label: cannedTitle });
    await expect.poll(() => page.getByLabel(t('web:composer.replyLabel')).inputValue()).toBe(reply);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.message--reply').textContent()).toContain(reply);
    await expect.poll(() => page.locator('.page__subtitle .badge').textContent()).toBe(tr(lang, 'common:state.open'));
    await expect.poll(() => page.locator('.clocks').textContent()).toContain(t('console2:sla.met'));

    // p: pending, then the reason (focused) and save.
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    const reason = page.getByLabel(t('console:props.reason'));
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.selectOption('waiting_for_customer');
    await page.getByRole('button', { name: t('console:props.save') }).click();
    await expect.poll(() => page.locator('.page__subtitle .state').textContent()).toBe(tr(lang, 'common:state.pending') + tr(lang, 'common:pendingReason.waiting_for_customer'));
    await page.getByText(t('console:ticket.history')).click();
    await expect.poll(() => page.locator('.history__entry').count()).toBeGreaterThan(3);
    await screenshot(agent, `agent-ticket-view${shots}`);
    await checkScreen(agent);
  });

  it('the customer sees the reply without reloading, never the note, answers with a file, marks it solved and reopens it', async () => {
    const { page } = customer;
    await expect.poll(() => page.locator('.message--reply').textContent(), { timeout: 10_000 }).toContain(reply);
    expect(await page.locator('body').textContent()).not.toContain(note);
    await expect.poll(() => page.locator('.page__subtitle .state').textContent()).toBe(tr(lang, 'common:state.pending') + tr(lang, 'common:pendingReason.waiting_for_customer'));
    await screenshot(customer, `ticket-thread${shots}`);
    await checkScreen(customer);

    // Answering brings the request back from "waiting for you" to open, with the file asked for.
    await page.getByLabel(t('web:composer.replyLabel')).fill(answer);
    await page.locator('.composer input[type=file]').setInputFiles({ name: 'export.log', mimeType: 'text/plain', buffer: Buffer.from('2027-03-01 09:00:00 FEC export: 0 lines\n') });
    await page.getByRole('button', { name: t('web:composer.send') }).click();
    await expect.poll(() => page.locator('.message--customer').last().textContent()).toContain(answer);
    expect(await page.locator('.message--customer').last().locator('.attachment__name').textContent()).toBe('export.log');
    await expect.poll(() => page.locator('.page__subtitle .badge').textContent()).toBe(tr(lang, 'common:state.open'));
    await expect.poll(() => agent.page.locator('.message--customer').last().textContent(), { timeout: 10_000 }).toContain(answer);

    await page.getByRole('button', { name: t('portal:view.markSolved') }).click();
    await expect.poll(() => page.locator('.page__subtitle .badge').textContent()).toBe(tr(lang, 'common:state.solved'));
    // Not satisfied: reopened with a comment.
    await page.getByLabel(t('intake:portal.comment')).fill(comment);
    await page.getByRole('button', { name: t('intake:portal.notSatisfied') }).click();
    await expect.poll(() => page.locator('.page__subtitle .badge').textContent()).toBe(tr(lang, 'common:state.open'));
    // The agent's open ticket follows by itself.
    await expect.poll(() => agent.page.locator('.page__subtitle .badge').textContent(), { timeout: 10_000 }).toBe(tr(lang, 'common:state.open'));
    await checkScreen(customer);
    await checkScreen(agent);
  });
});
