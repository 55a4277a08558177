import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CSV_COLUMNS } from '../../src/contracts/reports.js';
import { openActor, type Actor } from './support/browser.js';
import { tr } from './support/catalog.js';
import { startGuichet, type GuichetServer } from './support/guichet-server.js';
import { checkScreen, DEMO, screenshot, signIn } from './support/journey.js';

let server: GuichetServer;
const open: Actor[] = [];

beforeAll(async () => {
  server = await startGuichet();
});
afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});
afterAll(async () => server?.stop());

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe.each([
  ['fr', 'fr-FR', 'reports'],
  ['ru', 'ru-RU', 'reports-ru'],
])('reports (%s)', (lang, locale, shot) => {
  it('an admin opens Reports, picks a period, sees every chart with its figures and downloads a CSV', async () => {
    const a = await openActor({ locale });
    open.push(a);
    const { page } = a;
    await signIn(a, server.url, lang, DEMO.admin);
    // The demo admin works in French (signed in, the interface takes the person's language); in
    // Russian, switch it with the language picker.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    if (lang !== 'fr') await page.getByLabel(tr('fr', 'web:language')).selectOption(lang);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
    await page.getByRole('link', { name: tr(lang, 'reports:nav'), exact: true }).first().click();
    await page.waitForURL(/\/console\/reports/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(tr(lang, 'reports:title'));

    // The demo desk's tickets span the last six weeks: pick 60 days up to today, by week.
    const to = day(Date.now());
    const from = day(Date.now() - 59 * DAY);
    await page.getByLabel(tr(lang, 'reports:filters.from'), { exact: true }).fill(from);
    await page.getByLabel(tr(lang, 'reports:filters.to'), { exact: true }).fill(to);
    await expect.poll(() => new URL(page.url()).search).toBe(`?from=${from}&to=${to}&groupBy=week`);

    const sections = page.locator('section[data-report]');
    await expect.poll(() => sections.locator('svg[role="img"]').count()).toBe(6);
    for (const name of ['first-response', 'sla', 'backlog', 'volume', 'deflection', 'reopens']) {
      await expect.poll(() => page.locator(`section[data-report="${name}"] svg[role="img"] desc`).textContent(), { message: name }).toMatch(/\d/);
    }

    // The figures on screen are the API's, formatted for the language.
    const num = new Intl.NumberFormat(locale);
    const volume = await page.evaluate((q) => fetch(`/api/v1/reports/volume?${q}`).then((r) => r.json()), `from=${from}&to=${to}&groupBy=week`);
    const total = Object.values(volume.totals as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('section[data-report="volume"] svg desc').textContent()).toContain(num.format(total));
    expect(await page.locator('section[data-report="volume"] rect').count()).toBeGreaterThan(0);

    const fr = await page.evaluate((q) => fetch(`/api/v1/reports/first-response?${q}`).then((r) => r.json()), `from=${from}&to=${to}`);
    expect(fr.answered).toBeGreaterThan(0);
    expect(await page.locator('section[data-report="first-response"] .report__figures').textContent()).toContain(num.format(fr.answered));

    const backlog = await page.evaluate((q) => fetch(`/api/v1/reports/backlog?${q}`).then((r) => r.json()), `from=${from}&to=${to}`);
    const last = backlog.points[backlog.points.length - 1];
    await page.locator('section[data-report="backlog"] summary').click();
    const lastRow = page.locator('section[data-report="backlog"] tbody tr').last();
    expect(await lastRow.locator('th').textContent()).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${to}T00:00:00Z`)));
    expect(await lastRow.locator('td').last().textContent()).toBe(num.format(last.total));
    expect(await page.locator('section[data-report="backlog"] tbody tr').count()).toBe(60);

    // The CSV link: an attachment with the stable English column keys, whatever the language.
    const link = page.locator('section[data-report="volume"] a[download]');
    expect((await link.textContent())?.startsWith(tr(lang, 'reports:csv'))).toBe(true);
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/reports/volume?from=${from}&to=${to}&groupBy=week&format=csv`);
    const csv = await a.context.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="guichet-volume-${from}-${to}.csv"`);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.volume.join(','));
    const csvTotal = lines.slice(1).filter(Boolean).reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(csvTotal).toBe(total);

    await page.locator('section[data-report="backlog"] summary').click();
    await page.mouse.move(0, 0);
    await screenshot(a, shot);
    await checkScreen(a);
  });
});

describe('phone width (390 px)', () => {
  it('the reports fit, tables included', async () => {
    const a = await openActor({ locale: 'fr-FR', width: 390, height: 844 });
    open.push(a);
    await signIn(a, server.url, 'fr', DEMO.admin);
    await a.page.goto(`${server.url}/console/reports`);
    await expect.poll(() => a.page.locator('section[data-report] svg[role="img"]').count()).toBe(6);
    for (const summary of await a.page.locator('section[data-report] summary').all()) await summary.click();
    await checkScreen(a, { phone: true });
  });
});

describe('access', () => {
  it('a customer is not shown the reports', async () => {
    const a = await openActor({ locale: 'fr-FR' });
    open.push(a);
    await signIn(a, server.url, 'fr', DEMO.marie);
    expect(await a.page.getByRole('link', { name: tr('fr', 'reports:nav'), exact: true }).count()).toBe(0);
    const status = await a.page.evaluate(() => fetch('/api/v1/reports/volume').then((r) => r.status));
    expect(status).toBe(403);
  });
});
