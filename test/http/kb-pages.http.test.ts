import { existsSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let agent: TestUser;
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
/** Debian's Chromium, as the e2e tests use it. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

beforeAll(async () => {
  rt = await createTestRuntime({ env: { GUICHET_PUBLIC_URL: 'https://help.example.com' } });
  agent = await makeUser(rt.deps, { role: 'agent' });
  const cat = await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/categories', payload: { slug: 'installation', names: { fr: { name: 'Installation' }, en: { name: 'Installation' }, ru: { name: 'Установка' } } } });
  const categoryId = cat.json().id;
  const fr = await as(rt.app, agent, {
    method: 'POST',
    url: '/api/v1/kb/articles',
    payload: { lang: 'fr', title: 'Installer Atelier Studio', body: '## Étapes\n\n1. Téléchargez.\n2. Lancez `setup.exe`.\n\n| Système | Version |\n|:--|--:|\n| Windows | 11 |', categoryId, publish: true, kind: 'faq' },
  });
  await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'ru', title: 'Установка Atelier Studio', body: 'Скачайте и запустите `setup.exe`.', categoryId, translationOf: fr.json().id, publish: true } });
  await as(rt.app, agent, { method: 'POST', url: '/api/v1/kb/articles', payload: { lang: 'en', title: 'Draft install guide', body: 'Not yet.', translationOf: fr.json().id } });
});
afterAll(async () => rt?.dispose());

async function valid(url: string): Promise<{ status: number; html: string }> {
  const res = await rt.app.inject({ method: 'GET', url });
  const report = await validator.validateString(res.body);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(problems, url).toEqual([]);
  return { status: res.statusCode, html: res.body };
}

describe('public knowledge-base pages', () => {
  it('sends /kb to the reader’s language', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/kb', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/kb/ru');
  });

  it.each(['/kb/fr', '/kb/ru', '/kb/en', '/kb/fr/categories/installation', '/kb/fr/search?q=installer', '/kb/ru/search?q=', '/kb/fr/articles/nope', '/kb/xx'])('%s is valid HTML', async (url) => {
    const page = await valid(url);
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('renders an article with <html lang>, a canonical URL and hreflang links to its published translations only', async () => {
    const { status, html } = await valid('/kb/fr/articles/installer-atelier-studio');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<link rel="canonical" href="https://help.example.com/kb/fr/articles/installer-atelier-studio">');
    expect(html).toContain('<link rel="alternate" hreflang="ru" href="https://help.example.com/kb/ru/articles/ustanovka-atelier-studio">'.replace('ustanovka-atelier-studio', encodeURIComponent('установка-atelier-studio')));
    expect(html).toContain('hreflang="fr"');
    expect(html).not.toContain('hreflang="en"');
    expect(html).toContain('<code>setup.exe</code>');
    expect(html).toContain('<table>');
  });

  it('answers 404 for a draft, an unknown article or an unknown language, in the page language', async () => {
    const draft = await rt.app.inject({ method: 'GET', url: '/kb/en/articles/draft-install-guide' });
    expect(draft.statusCode).toBe(404);
    expect(draft.body).toContain('<html lang="en">');
    const ru = await rt.app.inject({ method: 'GET', url: '/kb/ru/articles/nope' });
    expect(ru.statusCode).toBe(404);
    expect(ru.body).toContain('Статья не найдена');
    expect((await rt.app.inject({ method: 'GET', url: '/kb/de' })).statusCode).toBe(404);
  });

  it('searches without JavaScript and escapes what was typed', async () => {
    const { html } = await valid(`/kb/fr/search?q=${encodeURIComponent('<script>installer</script>')}`);
    expect(html).not.toContain('<script>installer');
    expect(html).toContain('&lt;script&gt;installer&lt;/script&gt;');
    expect(html).toContain('/kb/fr/articles/installer-atelier-studio?kbs=');
  });

  it('serves its style sheet', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/kb/assets/kb.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
  });

  it('renders in Chromium: readable without JavaScript, the form searches', async () => {
    const url = await rt.app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(`${url}/kb/fr/articles/installer-atelier-studio`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Installer Atelier Studio');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      const width = await page.locator('main').evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(300);
      const color = await page.locator('form.search button').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(color).not.toBe('rgba(0, 0, 0, 0)');
      await page.fill('#q', 'installer studio');
      await page.click('form.search button');
      await page.waitForURL(/\/kb\/fr\/search\?q=installer\+studio/);
      expect(await page.locator('ul.articles a').first().textContent()).toBe('Installer Atelier Studio');
      await page.locator('ul.articles a').first().click();
      await page.waitForURL(/\/kb\/fr\/articles\/installer-atelier-studio/);
      await page.locator('a[hreflang="ru"]').first().click();
      expect(await page.locator('h1').textContent()).toBe('Установка Atelier Studio');
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
