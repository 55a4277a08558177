import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { accessibilityProblems, horizontalOverflow, type Actor } from './browser.js';
import { tr } from './catalog.js';

/** Where the e2e run leaves its screenshots (linked from the README). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

/** Demo accounts the journeys use (public demo passwords, see the README). */
export const DEMO = {
  marie: { email: 'marie@durand-associes.example', password: 'customer-demo-2027' },
  paul: { email: 'paul@durand-associes.example', password: 'customer-demo-2027' },
  ivan: { email: 'ivan@baltic-logistics.example', password: 'customer-demo-2027' },
  lucia: { email: 'lucia@ferreteria-sol.example', password: 'customer-demo-2027' },
  camille: { email: 'camille@demo.guichet.test', password: 'agent-demo-2027' },
  olga: { email: 'olga@demo.guichet.test', password: 'agent-demo-2027' },
  diego: { email: 'diego@demo.guichet.test', password: 'agent-demo-2027' },
  admin: { email: 'admin@demo.guichet.test', password: 'admin-demo-2027' },
};

/** Signs in through the form, in the page's language, and waits for the person's home. */
export async function signIn(actor: Actor, base: string, lang: string, who: { email: string; password: string }): Promise<void> {
  const { page } = actor;
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(tr(lang, 'web:signIn.email')).fill(who.email);
  await page.getByLabel(tr(lang, 'web:signIn.password')).fill(who.password);
  await page.getByRole('button', { name: tr(lang, 'web:signIn.submit') }).click();
  await page.waitForURL(/\/(portal|console)/);
}

/** Saves a screenshot of the whole page under docs/screenshots. */
export async function screenshot(actor: Actor, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts and images settle so the picture shows the screen as a person sees it.
  await actor.page.evaluate(() => document.fonts.ready);
  await actor.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The checks every screen of a journey passes: accessible, no missing translation, no error. */
export async function checkScreen(actor: Actor, opts: { phone?: boolean } = {}): Promise<void> {
  expect(await accessibilityProblems(actor.page)).toEqual([]);
  expect(await actor.missingKeys()).toEqual([]);
  expect(actor.problems).toEqual([]);
  if (opts.phone) expect(await horizontalOverflow(actor.page)).toBeLessThanOrEqual(0);
}
