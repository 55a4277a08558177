import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, openActor, type Actor } from './support/browser.js';
import { tr, trPattern } from './support/catalog.js';
import { startGuichet, type GuichetServer } from './support/guichet-server.js';
import { checkScreen, DEMO, screenshot, signIn } from './support/journey.js';

/**
 * Callback booking in a real browser: a customer books a callback as a new phone request from the
 * portal (free slots in their time zone), an agent finds it in the callback queue, records a
 * missed call (retried at the next slot), then reaches the customer.
 */
let server: GuichetServer;

beforeAll(async () => {
  server = await startGuichet();
});
afterAll(async () => server?.stop());

const RUNS = [
  { lang: 'fr', locale: 'fr-FR', timezoneId: 'Europe/Paris', customer: DEMO.marie, agent: DEMO.camille, shots: '' },
  { lang: 'ru', locale: 'ru-RU', timezoneId: 'Europe/Moscow', customer: DEMO.ivan, agent: DEMO.olga, shots: '-ru' },
];

describe.each(RUNS)('callbacks in $lang', ({ lang, locale, timezoneId, customer: customerLogin, agent: agentLogin, shots }) => {
  let customer: Actor;
  let agent: Actor;
  let number = '';
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const phone = lang === 'fr' ? '+33 1 23 45 67 89' : '+7 495 123 45 67';

  beforeAll(async () => {
    customer = await openActor({ locale, timezoneId });
    agent = await openActor({ locale, timezoneId });
  });
  afterAll(async () => {
    await customer?.close();
    await agent?.close();
  });

  it('a customer books a callback; the request shows the confirmation', async () => {
    const { page } = customer;
    await signIn(customer, server.url, lang, customerLogin);
    await page.goto(`${server.url}/portal/callback`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('callbacks:portal.title'));
    await expect.poll(() => page.getByRole('radio').count()).toBeGreaterThan(1);
    await checkScreen(customer);
    await screenshot(customer, `portal-callback${shots}`);
    await page.getByLabel(t('callbacks:portal.phone')).fill(phone);
    await page.getByRole('radio').nth(2).check();
    await page.getByRole('button', { name: t('callbacks:portal.submit') }).click();
    await page.waitForURL(/\/portal\/requests\/[A-Z]+-\d{4}-\d+$/);
    number = decodeURIComponent(page.url().split('/').pop()!);
    const booked = t('callbacks:message.booked', { slot: '§', phone }).split('§')[0]!;
    await expect.poll(() => page.getByText(booked, { exact: false }).count()).toBeGreaterThan(0);
    // The panel under the request says when the call is booked.
    await expect.poll(() => page.getByText(trPattern(t('callbacks:portal.existing'))).count()).toBe(1);
    await checkScreen(customer);
  });

  it('an agent sees it in the queue, records no answer, then reaches the customer', async () => {
    const { page } = agent;
    await signIn(agent, server.url, lang, agentLogin);
    await page.getByRole('link', { name: t('callbacks:console.nav') }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('callbacks:console.title'));
    const row = page.locator('tbody tr', { hasText: number });
    await expect.poll(() => row.count()).toBe(1);
    await checkScreen(agent);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(agent, `console-callbacks${shots}`);
    await row.getByRole('button', { name: t('callbacks:console.no_answer') }).click();
    await expect.poll(() => page.getByText(t('callbacks:console.saved')).count()).toBe(1);
    await expect.poll(() => row.getByText(t('callbacks:console.outcome.no_answer')).count()).toBeGreaterThan(0);
    await row.getByLabel(t('callbacks:console.note')).fill(lang === 'fr' ? 'Client joint, export corrigé.' : 'Дозвонились, экспорт исправлен.');
    await row.getByRole('button', { name: t('callbacks:console.reached') }).click();
    await expect.poll(() => page.locator('tbody tr', { hasText: number }).count()).toBe(0);
    await page.getByRole('button', { name: t('callbacks:console.done') }).click();
    await expect.poll(() => page.locator('tbody tr', { hasText: number }).count()).toBe(1);
    await checkScreen(agent);
  });

  it('the customer books another callback from the request view', async () => {
    const { page } = customer;
    await page.goto(`${server.url}/portal/requests/${number}`);
    await page.getByRole('main').getByRole('link', { name: t('callbacks:portal.link') }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('callbacks:portal.title'));
    await page.getByLabel(t('callbacks:portal.phone')).fill(phone);
    await page.getByRole('button', { name: t('callbacks:portal.submit') }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/portal/requests/${number}$`));
    await expect.poll(() => page.getByText(trPattern(t('callbacks:portal.existing'))).count()).toBe(1);
    await expect.poll(() => page.getByRole('main').getByRole('link', { name: t('callbacks:portal.link') }).count()).toBe(0);
    await checkScreen(customer);
  });
});

describe('callback screens at phone width', () => {
  it.each([
    ['ru', 'ru-RU', DEMO.ivan, '/portal/callback'],
    ['fr', 'fr-FR', DEMO.camille, '/console/callbacks'],
  ])('%s %s', async (lang, locale, who, path) => {
    const a = await openActor({ locale, width: 390, height: 844 });
    try {
      await signIn(a, server.url, lang, who);
      await a.page.goto(`${server.url}${path}`);
      await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr(lang, path.startsWith('/portal') ? 'callbacks:portal.title' : 'callbacks:console.title'));
      await expect.poll(() => a.page.locator('.loading').count()).toBe(0);
      await checkScreen(a, { phone: true });
    } finally {
      await a.close();
    }
  });
});

