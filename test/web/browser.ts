/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { removeDir, ROOT, startService, type RunningService, type ServiceOptions } from '../helpers/service.js';

/** Debian's Chromium (`.ci/run` installs it with apt when it is missing). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium at /usr/bin/chromium: apt-get install chromium (.ci/run does)');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The web app of a started service in Chromium, for the tests of one file (see useWebApp). */
export interface WebApp {
  /** The service (fixture data, shipped model) on a loopback port. */
  readonly service: RunningService;
  readonly browser: Browser;
  /** A new browser context (its own cookies and storage) with the app's language set, and a page in it. */
  fresh(lang?: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Starts a seeded service (or as `options` say) and Chromium before the file's tests and closes both (and removes the
 * data directory) after them: the set-up the Chromium journeys share. Read `service` and `browser`
 * inside tests (they exist once beforeAll has run).
 */
export function useWebApp(options: ServiceOptions = {}): WebApp {
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    service = await startService(options);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (service) {
      await service.stop();
      removeDir(service.dataDir);
    }
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (read it inside a test, after beforeAll)`);
    return value;
  };
  return {
    get service() {
      return started(service, 'the service');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async fresh(lang = 'fi') {
      const context = await started(browser, 'Chromium').newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
      return { context, page: await context.newPage() };
    },
  };
}

/** Waits until no view is loading (the page marks a reloading view aria-busy). */
export const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[aria-busy=true], .loading'), undefined, { timeout: 60_000 });

/** Where the test run leaves screenshots of every page in every language, for a reviewer (not committed). */
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // JPEG: encoded in a fraction of a PNG's time (36 full pages per run); sharp enough to review.
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.jpg`), fullPage: true, type: 'jpeg', quality: 85 });
}

/** axe-core's source, evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays on. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await accessibilityViolations(page), where).toEqual([]);
}

/**
 * The ids more than one element of the page carries (invalid HTML: a label, aria-controls or
 * aria-labelledby then points at the first only). axe-core's WCAG rules no longer check this.
 */
export async function duplicateIds(page: Page): Promise<string[]> {
  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('[id]'), (el) => el.id));
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.fill('#key', key);
  await page.click('button[type=submit]');
  await page.waitForSelector('header nav');
}

/** Presses Tab until the focused element matches, as a keyboard-only user moves through the page. */
export async function tabTo(page: Page, matches: (el: { id: string; text: string; tag: string }) => boolean, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', text: (el?.textContent ?? '').trim(), tag: el?.tagName.toLowerCase() ?? '' };
    });
    if (matches(focused)) return;
  }
  throw new Error(`nothing matching was reached with ${most} presses of Tab`);
}

/**
 * Moves a focused <select> down with the arrow key until its chosen option starts with `text`, as a
 * keyboard user does (choosing by typing its name depends on keystrokes arriving within a second:
 * flaky on a loaded machine).
 */
export async function chooseWithArrows(page: Page, select: string, text: string, most = 400): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < most; i++) {
    const chosen = await page.$eval(select, (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    if (chosen.startsWith(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option of ${select} starting with "${text}" was reached with ${most} presses of ArrowDown`);
}
