import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, as installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One person's browser: its own Chromium with a fresh profile, a page, and what went wrong in it. */
export interface Actor {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and 5xx answers seen so far. */
  problems: string[];
  /** Translation keys i18next reported missing in this browser. */
  missingKeys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium on a fresh user-data-dir, in a language and at a width. Each actor
 * (customer, agent) has a browser of its own, so cookies and storage never mix.
 */
export async function openActor(options: { locale: string; width?: number; height?: number; timezoneId?: string }): Promise<Actor> {
  const profile = mkdtempSync(path.join(tmpdir(), 'guichet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: options.locale,
    timezoneId: options.timezoneId ?? 'Europe/Paris',
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    acceptDownloads: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  page.on('console', (m) => {
    // Failed loads are judged by their status below (a 401 before sign-in or a 413 on purpose is expected).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} on ${r.request().method()} ${r.url()}`);
  });
  return {
    page,
    context,
    problems,
    missingKeys: () => page.evaluate(() => [...(window.__guichetMissingKeys ?? [])]),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Accessibility problems axe-core finds on the page (WCAG 2.1 A and AA), serious or critical. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}

/** Whether the page scrolls sideways (it must not at phone width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
