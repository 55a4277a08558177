import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openActor, type Actor } from './support/browser.js';
import { tr, trPattern } from './support/catalog.js';
import { startGuichet, type GuichetServer } from './support/guichet-server.js';
import { checkScreen, DEMO, screenshot, signIn } from './support/journey.js';

/**
 * Administration in the browser: an admin edits a business calendar and the "if a ticket came now,
 * when would it be due?" preview follows the unsaved edit, in French and in Russian.
 */
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

const LOCALE = { fr: 'fr-FR', ru: 'ru-RU' } as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** A weekday's name as the browser writes it (3 May 2027 is a Monday). */
const dayName = (lang: keyof typeof LOCALE, i: number) => new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2027, 4, 3 + i)));

/** Signs the demo admin in and puts the interface in `lang` (the switch also becomes the admin's own language). */
async function adminIn(lang: keyof typeof LOCALE, width = 1280): Promise<Actor> {
  const a = await actor({ locale: LOCALE[lang], width });
  await signIn(a, server.url, lang, DEMO.admin);
  const own = () => a.page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((me: { user: { language: string } }) => me.user.language));
  const current = await own();
  // Signed in, the interface takes the admin's own language first.
  await expect.poll(() => a.page.getAttribute('html', 'lang')).toBe(current);
  if (current !== lang) {
    await a.page.getByLabel(tr(current, 'web:language')).selectOption(lang);
    await expect.poll(() => a.page.getAttribute('html', 'lang')).toBe(lang);
    await expect.poll(own).toBe(lang);
  }
  return a;
}

/** Opens a calendar from the admin screens, through the navigation. */
async function openCalendar(a: Actor, lang: string, name: string): Promise<void> {
  await a.page.goto(`${server.url}/console/admin/users`);
  await a.page.getByRole('navigation', { name: tr(lang, 'admin:nav.label') }).getByRole('link', { name: tr(lang, 'admin:nav.calendars') }).click();
  await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr(lang, 'admin:calendars.title'));
  await a.page.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr(lang, 'admin:calendar.editTitle', { name }));
}

/** The due instant the preview shows for a priority and target (ISO, from the <time> element). */
function due(a: Actor, priority: string, target: 'firstResponse' | 'resolution'): Promise<string | null> {
  return a.page
    .locator(`[data-priority="${priority}"] [data-target="${target}"] time`)
    .getAttribute('datetime', { timeout: 2000 })
    .catch(() => null);
}

/** The calendar as the server stores it (read through the admin's session). */
function storedCalendar(a: Actor, name: string): Promise<{ week: Record<string, string[][]>; exceptions: Array<Record<string, unknown>> }> {
  return a.page.evaluate(async (n) => {
    const list = (await (await fetch('/api/v1/calendars')).json()) as { items: Array<{ name: string; week: Record<string, string[][]>; exceptions: Array<Record<string, unknown>> }> };
    return list.items.find((c) => c.name === n)!;
  }, name);
}

describe('calendar admin', () => {
  it('fr: removing the afternoon hours moves the preview due time later; saved, it stays', async () => {
    const a = await adminIn('fr');
    await openCalendar(a, 'fr', 'Paris office');
    await expect.poll(() => due(a, 'normal', 'firstResponse')).not.toBeNull();
    const before = (await due(a, 'normal', 'firstResponse'))!;
    // The urgent policy runs on its own calendar: the row says so.
    expect(await a.page.locator('[data-priority="urgent"]').textContent()).toContain(tr('fr', 'admin:preview.otherCalendar', { name: 'Priority desk 7/7' }));
    await checkScreen(a);

    for (const [i] of WEEKDAYS.entries()) {
      await a.page.getByRole('button', { name: tr('fr', 'admin:calendar.removeHours', { day: dayName('fr', i), start: '14:00', end: '18:00' }) }).click();
    }
    await expect.poll(async () => Date.parse((await due(a, 'normal', 'firstResponse')) ?? before)).toBeGreaterThan(Date.parse(before));
    const after = (await due(a, 'normal', 'firstResponse'))!;
    // Not saved yet: the stored calendar still has its afternoons.
    expect((await storedCalendar(a, 'Paris office')).week.mon).toEqual([['09:00', '12:00'], ['14:00', '18:00']]);
    await a.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(a, 'admin-calendar');

    await a.page.getByRole('button', { name: tr('fr', 'admin:calendar.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('fr', 'admin:calendar.saved') }).count()).toBe(1);
    expect((await storedCalendar(a, 'Paris office')).week.mon).toEqual([['09:00', '12:00']]);
    await a.page.reload();
    await expect.poll(() => due(a, 'normal', 'firstResponse')).not.toBeNull();
    // Same answer once saved ("now" moved on by a few seconds at most).
    expect(Date.parse((await due(a, 'normal', 'firstResponse'))!)).toBeGreaterThanOrEqual(Date.parse(after) - 120_000);
    expect(await a.page.getByRole('button', { name: tr('fr', 'admin:calendar.removeHours', { day: dayName('fr', 0), start: '14:00', end: '18:00' }) }).count()).toBe(0);
    await checkScreen(a);
  });

  it('ru: a day off on the due date moves the preview due time later and is listed; saved, it stays', async () => {
    const a = await adminIn('ru');
    await openCalendar(a, 'ru', 'Moscow office');
    await expect.poll(() => due(a, 'normal', 'firstResponse')).not.toBeNull();
    const before = (await due(a, 'normal', 'firstResponse'))!;
    // The date of the due instant in the calendar's own zone (the ISO text carries its offset).
    const dueDay = before.slice(0, 10);

    await a.page.getByRole('button', { name: tr('ru', 'admin:calendar.addException') }).click();
    await a.page.getByLabel(tr('ru', 'admin:calendar.exceptionDate')).fill(dueDay);
    await a.page.getByLabel(tr('ru', 'admin:calendar.exceptionName')).fill('Инвентаризация');
    await expect.poll(async () => Date.parse((await due(a, 'normal', 'firstResponse')) ?? before)).toBeGreaterThan(Date.parse(before));
    expect((await due(a, 'normal', 'firstResponse'))!.slice(0, 10) > dueDay).toBe(true);
    await expect.poll(() => a.page.locator('.preview__days').textContent()).toContain('Инвентаризация');
    await checkScreen(a);
    await a.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(a, 'admin-calendar-ru');

    await a.page.getByRole('button', { name: tr('ru', 'admin:calendar.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('ru', 'admin:calendar.saved') }).count()).toBe(1);
    expect((await storedCalendar(a, 'Moscow office')).exceptions).toEqual([{ date: dueDay, closed: true, name: 'Инвентаризация' }]);
  });

  it('ru: a bad edit is refused naming the field, and the editor works at phone width', async () => {
    const a = await adminIn('ru', 390);
    await openCalendar(a, 'ru', 'Moscow office');
    await expect.poll(() => due(a, 'normal', 'firstResponse')).not.toBeNull();
    await a.page.getByLabel(tr('ru', 'admin:calendars.field.timeZone')).fill('Europe/Atlantis');
    await expect.poll(() => a.page.getByText(tr('ru', 'admin:calendar.invalid.timeZone')).count()).toBe(1);
    expect(await a.page.getByLabel(tr('ru', 'admin:calendars.field.timeZone')).getAttribute('aria-invalid')).toBe('true');
    await a.page.getByLabel(tr('ru', 'admin:calendars.field.timeZone')).fill('Europe/Moscow');
    await expect.poll(() => a.page.getByText(tr('ru', 'admin:calendar.invalid.timeZone')).count()).toBe(0);
    await checkScreen(a, { phone: true });
  });
});

describe('new calendar', () => {
  it('fr: an admin creates a calendar with regional holidays; the preview runs before the first save', async () => {
    const a = await adminIn('fr');
    await a.page.goto(`${server.url}/console/admin/calendars`);
    await a.page.getByRole('link', { name: tr('fr', 'admin:calendars.new') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:calendar.newTitle'));
    // A new calendar starts with office hours, so the preview already answers.
    await expect.poll(() => due(a, 'normal', 'firstResponse')).not.toBeNull();
    await a.page.getByLabel(tr('fr', 'admin:calendars.field.name')).fill('Barcelona office');
    await a.page.getByLabel(tr('fr', 'admin:calendars.field.timeZone')).fill('Europe/Madrid');
    await a.page.getByLabel(tr('fr', 'admin:calendars.field.country')).selectOption('ES');
    await a.page.getByLabel(tr('fr', 'admin:calendar.region')).selectOption('CT');
    // The coming public holidays now appear beside the form (there are always some within a year).
    await expect.poll(() => a.page.locator('.preview__days li').count()).toBeGreaterThan(0);
    await a.page.getByRole('button', { name: tr('fr', 'admin:calendar.save') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:calendar.editTitle', { name: 'Barcelona office' }));
    const saved = await a.page.evaluate(() => fetch('/api/v1/calendars').then((r) => r.json()).then((b: { items: Array<{ name: string; timeZone: string; holidays: unknown }> }) => b.items.find((c) => c.name === 'Barcelona office')));
    expect(saved).toMatchObject({ timeZone: 'Europe/Madrid', holidays: { country: 'ES', region: 'CT' } });
    await checkScreen(a);
  });
});

describe('SLA policies admin', () => {
  it('fr: an admin changes a target and the escalation share; a policy without targets is refused naming the field', async () => {
    const a = await adminIn('fr');
    await a.page.goto(`${server.url}/console/admin/users`);
    await a.page.getByRole('navigation', { name: tr('fr', 'admin:nav.label') }).getByRole('link', { name: tr('fr', 'admin:nav.sla-policies') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:sla.title'));
    // Listed in evaluation order, with their targets in words.
    await expect.poll(() => a.page.locator('tbody tr').count()).toBe(5);
    expect(await a.page.locator('tbody tr').first().textContent()).toContain('Premium request');
    expect(await a.page.locator('tbody tr').last().textContent()).toContain(tr('fr', 'admin:sla.cond.fallback'));
    await checkScreen(a);

    await a.page.getByRole('link', { name: 'Standard', exact: true }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:sla.editTitle', { name: 'Standard' }));
    const first = a.page.getByRole('group', { name: tr('fr', 'admin:sla.field.firstResponse') });
    expect(await first.getByLabel(tr('fr', 'admin:sla.target.hours')).inputValue()).toBe('24');
    await first.getByLabel(tr('fr', 'admin:sla.target.hours')).fill('8');
    await a.page.getByLabel(tr('fr', 'admin:sla.field.warningShare')).fill('150');
    await a.page.getByRole('button', { name: tr('fr', 'admin:sla.save') }).click();
    // Checked before sending, with the API's own schema.
    expect(await a.page.getByLabel(tr('fr', 'admin:sla.field.warningShare')).getAttribute('aria-invalid')).toBe('true');
    await a.page.getByLabel(tr('fr', 'admin:sla.field.warningShare')).fill('70');
    await a.page.getByRole('button', { name: tr('fr', 'admin:sla.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('fr', 'admin:sla.saved') }).count()).toBe(1);
    const stored = await a.page.evaluate(() => fetch('/api/v1/sla-policies').then((r) => r.json()).then((b: { items: Array<{ name: string; firstResponse: unknown; warningShare: number }> }) => b.items.find((p) => p.name === 'Standard')));
    expect(stored).toMatchObject({ firstResponse: { kind: 'business_minutes', minutes: 480 }, warningShare: 0.7 });

    // The server's problem+json: a policy needs at least one target.
    for (const name of ['firstResponse', 'nextResponse', 'resolution'] as const) {
      await a.page.getByRole('group', { name: tr('fr', `admin:sla.field.${name}`) }).getByLabel(tr('fr', 'admin:sla.target.kind')).selectOption('none');
    }
    await a.page.getByRole('button', { name: tr('fr', 'admin:sla.save') }).click();
    await expect.poll(() => a.page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await first.getByLabel(tr('fr', 'admin:sla.target.kind')).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(a);
    await screenshot(a, 'admin-sla-policy');
  });
});

describe('catalogue admin', () => {
  const go = async (a: Actor, lang: string, section: string, title: string) => {
    await a.page.getByRole('navigation', { name: tr(lang, 'admin:nav.label') }).getByRole('link', { name: tr(lang, `admin:nav.${section}`) }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr(lang, title));
  };

  it('ru: organizations, products with versions, plans, licences and contracts: lists, creation, field errors', async () => {
    const a = await adminIn('ru');
    await a.page.goto(`${server.url}/console/admin/users`);

    await go(a, 'ru', 'organizations', 'admin:org.title');
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    const name = a.page.getByLabel(tr('ru', 'admin:org.field.name'));
    await name.fill('Атлас Логистик');
    await a.page.getByRole('button', { name: tr('ru', 'admin:org.submit') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('ru', 'admin:org.created', { name: 'Атлас Логистик' }) }).count()).toBe(1);
    await expect.poll(() => a.page.locator('tbody').textContent()).toContain('Атлас Логистик');
    // The same name again: the server's 409 names the field, in Russian.
    await name.fill('Атлас Логистик');
    await a.page.getByRole('button', { name: tr('ru', 'admin:org.submit') }).click();
    await expect.poll(() => a.page.getByRole('alert').filter({ hasText: tr('ru', 'admin:errors.organization_name_taken', { name: 'Атлас Логистик' }) }).count()).toBe(1);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(a);

    await go(a, 'ru', 'products', 'admin:product.title');
    const firstProduct = a.page.locator('section.card').first();
    await expect.poll(() => firstProduct.locator('tbody tr').count()).toBeGreaterThan(0);
    const version = firstProduct.getByLabel(tr('ru', 'admin:product.newVersion'));
    await version.fill('v-next');
    await firstProduct.getByRole('button', { name: tr('ru', 'admin:product.addVersion') }).click();
    expect(await version.getAttribute('aria-invalid')).toBe('true');
    await version.fill('99.1');
    await firstProduct.getByRole('button', { name: tr('ru', 'admin:product.addVersion') }).click();
    await expect.poll(() => firstProduct.locator('tbody').textContent()).toContain('99.1');
    // Rename it in place.
    await firstProduct.getByRole('button', { name: trPattern(tr('ru', 'admin:common.editNamed', { name: '{{name}}' })) }).click();
    const productName = firstProduct.getByLabel(tr('ru', 'admin:product.field.name'));
    const renamed = `${await productName.inputValue()} Pro`;
    await productName.fill(renamed);
    await firstProduct.getByRole('button', { name: tr('ru', 'admin:common.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('ru', 'admin:product.saved', { name: renamed }) }).count()).toBe(1);
    await expect.poll(() => a.page.locator('section.card h2').first().textContent()).toContain(renamed);
    await checkScreen(a);

    await go(a, 'ru', 'plans', 'admin:plan.title');
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    // Edit the first plan: its included premium credits.
    await a.page.locator('tbody tr').first().getByRole('button', { name: tr('ru', 'admin:common.edit') }).click();
    const code = await a.page.getByLabel(tr('ru', 'admin:plan.field.code')).inputValue();
    await a.page.getByLabel(tr('ru', 'admin:plan.field.credits')).fill('7');
    await a.page.getByRole('button', { name: tr('ru', 'admin:common.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: trPattern(tr('ru', 'admin:plan.saved', { name: '{{name}}' })) }).count()).toBe(1);
    const plan = await a.page.evaluate((c) => fetch('/api/v1/plans').then((r) => r.json()).then((b: { items: Array<{ code: string; premiumCreditsIncluded: number }> }) => b.items.find((p) => p.code === c)), code);
    expect(plan?.premiumCreditsIncluded).toBe(7);
    await checkScreen(a);

    await go(a, 'ru', 'licences', 'admin:licence.title');
    await a.page.getByRole('button', { name: tr('ru', 'admin:licence.submit') }).click();
    expect(await a.page.getByLabel(tr('ru', 'admin:licence.field.number')).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(a);

    await go(a, 'ru', 'contracts', 'admin:contract.title');
    await a.page.getByLabel(tr('ru', 'admin:contract.field.number')).fill('CTR-2030-1');
    await a.page.getByLabel(tr('ru', 'admin:contract.field.organizationId')).selectOption({ label: 'Атлас Логистик' });
    await a.page.getByLabel(tr('ru', 'admin:contract.field.planCode')).selectOption({ index: 1 });
    await a.page.getByLabel(tr('ru', 'admin:contract.field.startsOn')).fill('2030-06-01');
    await a.page.getByLabel(tr('ru', 'admin:contract.field.endsOn')).fill('2030-01-01');
    await a.page.getByRole('button', { name: tr('ru', 'admin:contract.submit') }).click();
    expect(await a.page.getByLabel(tr('ru', 'admin:contract.field.endsOn')).getAttribute('aria-invalid')).toBe('true');
    await a.page.getByLabel(tr('ru', 'admin:contract.field.endsOn')).fill('2031-05-31');
    await a.page.getByRole('button', { name: tr('ru', 'admin:contract.submit') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('ru', 'admin:contract.created', { number: 'CTR-2030-1', organization: 'Атлас Логистик' }) }).count()).toBe(1);
    await expect.poll(() => a.page.locator('tbody').textContent()).toContain('CTR-2030-1');
    // Edit it: a shorter period.
    await a.page.getByRole('button', { name: tr('ru', 'admin:common.editNamed', { name: 'CTR-2030-1' }) }).click();
    expect(await a.page.getByLabel(tr('ru', 'admin:contract.field.endsOn')).inputValue()).toBe('2031-05-31');
    await a.page.getByLabel(tr('ru', 'admin:contract.field.endsOn')).fill('2030-12-31');
    await a.page.getByRole('button', { name: tr('ru', 'admin:common.save') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('ru', 'admin:contract.saved', { number: 'CTR-2030-1' }) }).count()).toBe(1);
    const contract = await a.page.evaluate(() => fetch('/api/v1/contracts').then((r) => r.json()).then((b: { items: Array<{ number: string; endsOn: string }> }) => b.items.find((c) => c.number === 'CTR-2030-1')));
    expect(contract?.endsOn).toBe('2030-12-31');
    await checkScreen(a);
  });
});

describe('knowledge-base editor', () => {
  it('fr: an admin writes a draft, publishes it (public page answers), unpublishes it, and starts its Russian version', async () => {
    const a = await adminIn('fr');
    await a.page.goto(`${server.url}/console/admin/users`);
    await a.page.getByRole('navigation', { name: tr('fr', 'admin:nav.label') }).getByRole('link', { name: tr('fr', 'admin:nav.kb') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:kb.title'));
    await expect.poll(() => a.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await checkScreen(a);

    await a.page.getByRole('link', { name: tr('fr', 'admin:kb.new') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:kb.newTitle'));
    await a.page.getByRole('button', { name: tr('fr', 'admin:kb.createDraft') }).click();
    expect(await a.page.getByLabel(tr('fr', 'admin:kb.field.title')).getAttribute('aria-invalid')).toBe('true');
    await a.page.getByLabel(tr('fr', 'admin:kb.field.title')).fill('Vider le cache du poste');
    await a.page.getByLabel(tr('fr', 'admin:kb.field.body')).fill('## Étapes\n\n1. Fermez le logiciel.\n2. Supprimez le dossier **cache**.');
    await a.page.getByRole('button', { name: tr('fr', 'admin:kb.createDraft') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:kb.editTitle', { title: 'Vider le cache du poste' }));
    await expect.poll(() => a.page.locator('.kb-preview strong').textContent()).toBe('cache');
    const url = await a.page.evaluate(async () => {
      const id = location.pathname.split('/').pop()!;
      return ((await (await fetch(`/api/v1/kb/articles/${id}`)).json()) as { url: string }).url;
    });
    expect((await a.page.request.get(new URL(url, server.url).toString())).status()).toBe(404);

    await a.page.getByRole('button', { name: tr('fr', 'admin:kb.publish') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('fr', 'admin:kb.publishedNotice') }).count()).toBe(1);
    expect((await a.page.request.get(new URL(url, server.url).toString())).status()).toBe(200);
    await checkScreen(a);
    await screenshot(a, 'admin-kb-editor');

    await a.page.getByRole('button', { name: tr('fr', 'admin:kb.unpublish') }).click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: tr('fr', 'admin:kb.unpublishedNotice') }).count()).toBe(1);
    expect((await a.page.request.get(new URL(url, server.url).toString())).status()).toBe(404);

    await a.page.getByRole('link', { name: tr('fr', 'admin:kb.translateTo', { lang: tr('fr', 'web:languageName.ru') }) }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:kb.newTitle'));
    expect(await a.page.getByLabel(tr('fr', 'admin:kb.field.lang'), { exact: true }).inputValue()).toBe('ru');
    await a.page.getByLabel(tr('fr', 'admin:kb.field.title')).fill('Очистка кэша рабочей станции');
    await a.page.getByLabel(tr('fr', 'admin:kb.field.body')).fill('Закройте программу и удалите папку **cache**.');
    await a.page.getByRole('button', { name: tr('fr', 'admin:kb.createDraft') }).click();
    await expect.poll(() => a.page.locator('h1').textContent()).toBe(tr('fr', 'admin:kb.editTitle', { title: 'Очистка кэша рабочей станции' }));
    await expect.poll(() => a.page.getByRole('navigation', { name: tr('fr', 'admin:kb.languages') }).textContent()).toContain('Vider le cache du poste');
    await checkScreen(a);
  });
});

describe('admin at phone width', () => {
  it('fr: every admin screen fits a phone, is accessible and fully translated', async () => {
    const a = await adminIn('fr', 390);
    for (const [path, title] of [
      ['organizations', 'admin:org.title'],
      ['products', 'admin:product.title'],
      ['plans', 'admin:plan.title'],
      ['licences', 'admin:licence.title'],
      ['contracts', 'admin:contract.title'],
      ['calendars', 'admin:calendars.title'],
      ['sla-policies', 'admin:sla.title'],
      ['sla-policies/new', 'admin:sla.newTitle'],
      ['kb', 'admin:kb.title'],
      ['kb/new', 'admin:kb.newTitle'],
    ] as const) {
      await a.page.goto(`${server.url}/console/admin/${path}`);
      await expect.poll(() => a.page.locator('h1').textContent(), { message: path }).toBe(tr('fr', title));
      await a.page.waitForLoadState('networkidle');
      await checkScreen(a, { phone: true });
    }
  });
});
