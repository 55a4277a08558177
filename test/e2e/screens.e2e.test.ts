import { authenticator } from 'otplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

async function actor(options: Parameters<typeof openActor>[0]): Promise<Actor> {
  const a = await openActor(options);
  open.push(a);
  return a;
}

describe('language', () => {
  it('starts in the browser language and switches on the spot', async () => {
    const a = await actor({ locale: 'es-ES' });
    await a.page.goto(server.url);
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('es', 'web:signIn.title'));
    expect(await a.page.getAttribute('html', 'lang')).toBe('es');
    await a.page.getByLabel(tr('es', 'web:language')).selectOption('ru');
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('ru', 'web:signIn.title'));
    expect(await a.page.getAttribute('html', 'lang')).toBe('ru');
    await checkScreen(a);
  });

  it("signed in, the switch becomes the person's language, for the server's messages too", async () => {
    const a = await actor({ locale: 'es-ES' });
    await signIn(a, server.url, 'es', DEMO.lucia);
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('es', 'portal:home.title'));
    await a.page.getByLabel(tr('es', 'web:language')).selectOption('en');
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('en', 'portal:home.title'));
    await expect.poll(() => a.page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((me: { user: { language: string } }) => me.user.language))).toBe('en');
    await a.page.reload();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('en', 'portal:home.title'));
    await a.page.goto(`${server.url}/portal/requests/GU-1999-000001`);
    await expect.poll(() => a.page.getByRole('alert').textContent()).toBe(tr('en', 'errors:not_found_ticket'));
    await checkScreen(a);
  });
});

describe('portal', () => {
  it("a customer whose organization shares tickets sees her colleagues' requests too", async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.marie);
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await a.page.locator('tbody').textContent()).not.toContain('Paul Lefèvre');
    await a.page.getByRole('button', { name: tr('fr', 'portal:home.organization') }).click();
    await expect.poll(() => a.page.locator('thead').textContent()).toContain(tr('fr', 'portal:columns.requester'));
    expect(await a.page.getByRole('button', { name: tr('fr', 'portal:home.organization') }).getAttribute('aria-pressed')).toBe('true');
    // In the demo, Paul's requests are the open ones.
    await a.page.getByLabel(tr('fr', 'portal:home.stateFilter')).selectOption('open');
    await expect.poll(() => a.page.locator('tbody').textContent()).toContain('Paul Lefèvre');
    await expect.poll(() => a.page.locator('tbody .badge').allTextContents()).toSatisfy((states: string[]) => states.length > 0 && states.every((s) => s === tr('fr', 'common:state.open')));
    await checkScreen(a);
  });
});

describe('phone width (390 px)', () => {
  it('the portal fits and reads well', async () => {
    const a = await actor({ locale: 'fr-FR', width: 390, height: 844 });
    await signIn(a, server.url, 'fr', DEMO.paul);
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(a, 'portal-home-phone');
    await checkScreen(a, { phone: true });
    await a.page.locator('tbody a').first().click();
    await expect.poll(() => a.page.locator('.message').count()).toBeGreaterThan(0);
    await screenshot(a, 'ticket-thread-phone');
    await checkScreen(a, { phone: true });
    await a.page.getByRole('navigation').getByRole('link', { name: tr('fr', 'portal:nav.new') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'portal:new.title'));
    await screenshot(a, 'request-form-phone');
    await checkScreen(a, { phone: true });
  });

  it('the console fits and reads well', async () => {
    const a = await actor({ locale: 'fr-FR', width: 390, height: 844 });
    await signIn(a, server.url, 'fr', DEMO.camille);
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(a, 'agent-queue-phone');
    await checkScreen(a, { phone: true });
    await a.page.locator('tbody a').first().click();
    await expect.poll(() => a.page.locator('.message').count()).toBeGreaterThan(0);
    await screenshot(a, 'agent-ticket-view-phone');
    await checkScreen(a, { phone: true });
  });
});

describe('console', () => {
  it('lists the shortcuts on "?" in a dialog that Esc closes', async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.camille);
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await a.page.keyboard.press('?');
    const dialog = a.page.getByRole('dialog', { name: tr('fr', 'console:shortcuts.title') });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await checkScreen(a);
    await a.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('moves through a list with j and k, and opens with o', async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.camille);
    const links = a.page.locator('tbody a.row-link');
    await expect.poll(() => links.count()).toBeGreaterThan(2);
    const second = await links.nth(1).getAttribute('href');
    await a.page.keyboard.press('j');
    await a.page.keyboard.press('j');
    await a.page.keyboard.press('j');
    await a.page.keyboard.press('k');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(second);
    await a.page.keyboard.press('o');
    await a.page.waitForURL(`${server.url}${second}`);
  });

  it('an agent may not open the administration; a customer may not open the console', async () => {
    const agent = await actor({ locale: 'fr-FR' });
    await signIn(agent, server.url, 'fr', DEMO.camille);
    await agent.page.goto(`${server.url}/console/admin/users`);
    await agent.page.waitForURL(/\/console\/views\/mine$/);
    const customer = await actor({ locale: 'fr-FR' });
    await signIn(customer, server.url, 'fr', DEMO.marie);
    await customer.page.goto(`${server.url}/console/views/all`);
    await customer.page.waitForURL(/\/portal$/);
  });
});

describe('console: canned replies and merge', () => {
  it('an agent writes a canned reply on its page and finds it in the composer of a ticket in that language', async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.camille);
    await a.page.getByRole('link', { name: tr('fr', 'console2:nav.canned') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'console2:canned.title'));
    await a.page.getByLabel(tr('fr', 'console2:canned.language'), { exact: true }).selectOption('fr');
    await a.page.getByLabel(tr('fr', 'console2:canned.name')).fill('Version exacte');
    await a.page.getByLabel(tr('fr', 'console2:canned.body')).fill('Pouvez-vous nous indiquer la version exacte installée ?');
    await a.page.getByRole('button', { name: tr('fr', 'console2:canned.save') }).click();
    await expect.poll(() => a.page.locator('tbody').textContent()).toContain('Version exacte');
    await checkScreen(a);
    await a.page.goto(`${server.url}/console/views/all?state=open`);
    // A French customer's ticket (Durand & Associés write in French).
    const row = a.page.locator('tbody tr').filter({ hasText: /Marie Durand|Paul Lefèvre/ }).first();
    await row.locator('a.row-link').click();
    await a.page.getByLabel(tr('fr', 'console2:canned.pick')).selectOption({ label: 'Version exacte' });
    await expect.poll(() => a.page.getByLabel(tr('fr', 'web:composer.replyLabel')).inputValue()).toBe('Pouvez-vous nous indiquer la version exacte installée ?');
  });

  it('an agent merges a duplicate: the conversation moves to the other ticket and the duplicate is closed', async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.camille);
    await a.page.goto(`${server.url}/console/views/all?state=open`);
    const numbers = a.page.locator('tbody .ticket-number');
    await expect.poll(() => numbers.count()).toBeGreaterThan(1);
    const [duplicate, kept] = [(await numbers.nth(0).textContent())!, (await numbers.nth(1).textContent())!];
    await a.page.goto(`${server.url}/console/tickets/${kept}`);
    await expect.poll(() => a.page.locator('.message').count()).toBeGreaterThan(0);
    const before = await a.page.locator('.message').count();
    await a.page.goto(`${server.url}/console/tickets/${duplicate}`);
    await expect.poll(() => a.page.locator('.message').count()).toBeGreaterThan(0);
    const moved = await a.page.locator('.message').count();
    await a.page.getByText(tr('fr', 'console2:merge.title')).click();
    await a.page.getByLabel(tr('fr', 'console2:merge.into')).fill(kept);
    await a.page.getByLabel(tr('fr', 'console2:merge.confirm', { number: duplicate })).check();
    await checkScreen(a);
    await a.page.getByRole('button', { name: tr('fr', 'console2:merge.submit') }).click();
    await a.page.waitForURL(new RegExp(`/console/tickets/${kept}$`));
    await expect.poll(() => a.page.locator('.message').count()).toBe(before + moved);
    await a.page.getByText(tr('fr', 'console:ticket.history')).click();
    await expect.poll(() => a.page.locator('.history').textContent()).toContain(tr('fr', 'console2:history.mergedFrom', { who: 'Camille Roux', number: duplicate }));
    await a.page.goto(`${server.url}/console/tickets/${duplicate}`);
    await expect.poll(() => a.page.locator('.page__subtitle .badge').first().textContent()).toBe(tr('fr', 'common:state.closed'));
    await checkScreen(a);
  });
});

describe('account', () => {
  it('an agent turns on two-factor sign-in, then signs in with a code from the app', async () => {
    const a = await actor({ locale: 'es-ES' });
    const es = (key: string, vars?: Record<string, string | number>) => tr('es', key, vars);
    await signIn(a, server.url, 'es', DEMO.diego);
    await a.page.getByRole('link', { name: 'Diego Navarro' }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(es('web:account.title'));
    await a.page.getByLabel(es('web:account.timeZone')).fill('America/Mexico_City');
    await a.page.getByRole('button', { name: es('web:account.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: es('web:account.saved') }).count()).toBe(1);

    await a.page.getByRole('button', { name: es('web:account.turnOn') }).click();
    const secret = (await a.page.locator('.secret code').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await a.page.getByLabel(es('web:account.code')).fill(authenticator.generate(secret));
    await a.page.getByRole('button', { name: es('web:account.confirm') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: es('web:account.nowOn') }).count()).toBe(1);
    await screenshot(a, 'account');
    await checkScreen(a);

    await a.page.getByRole('button', { name: es('web:signOut') }).click();
    await a.page.waitForURL(/\/sign-in$/);
    await a.page.getByLabel(es('web:signIn.email')).fill(DEMO.diego.email);
    await a.page.getByLabel(es('web:signIn.password')).fill(DEMO.diego.password);
    await a.page.getByRole('button', { name: es('web:signIn.submit') }).click();
    const code = a.page.getByLabel(es('web:signIn.code'));
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    await code.fill('000000');
    await a.page.getByRole('button', { name: es('web:signIn.submit') }).click();
    await expect.poll(() => a.page.getByRole('alert').textContent()).toBe(tr('es', 'errors:totp_invalid'));
    // The code of the next 30-second step: the one used to confirm cannot be used twice.
    await code.fill(authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret));
    await a.page.getByRole('button', { name: es('web:signIn.submit') }).click();
    await a.page.waitForURL(/\/console\/views\/mine$/);
    await checkScreen(a);
  });
});

describe('administration', () => {
  it('an admin lists users and creates one; a bad e-mail is shown next to its field', async () => {
    const a = await actor({ locale: 'fr-FR' });
    await signIn(a, server.url, 'fr', DEMO.admin);
    await a.page.getByRole('navigation', { name: tr('fr', 'web:mainNav') }).getByRole('link', { name: tr('fr', 'console:nav.users') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'console:users.title'));
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(5);

    const email = a.page.getByLabel(tr('fr', 'console:users.field.email'));
    await email.fill('pas-une-adresse');
    await a.page.getByRole('button', { name: tr('fr', 'console:users.submit') }).click();
    await expect.poll(() => a.page.locator('.field__error').first().textContent()).toBe(tr('fr', 'web:validation.format'));
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('sophie@durand-associes.example');
    await a.page.getByLabel(tr('fr', 'console:users.field.name')).fill('Sophie Bernard');
    await a.page.getByLabel(tr('fr', 'console:users.field.organization')).fill('Durand & Associés');
    await a.page.getByLabel(tr('fr', 'console:users.field.language'), { exact: true }).selectOption('fr');
    await a.page.getByRole('button', { name: tr('fr', 'console:users.submit') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'Sophie' }).textContent()).toBe(
      tr('fr', 'console:users.created', { name: 'Sophie Bernard', email: 'sophie@durand-associes.example' }),
    );
    await expect.poll(() => a.page.locator('tbody').textContent()).toContain('sophie@durand-associes.example');

    // The same e-mail again: the server's 409 detail, in French.
    await email.fill('sophie@durand-associes.example');
    await a.page.getByRole('button', { name: tr('fr', 'console:users.submit') }).click();
    await expect.poll(() => a.page.getByRole('alert').textContent()).toBe(tr('fr', 'errors:user_exists', { email: 'sophie@durand-associes.example' }));
    await screenshot(a, 'admin-users');
    await checkScreen(a);
  });
});
