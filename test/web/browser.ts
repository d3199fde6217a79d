/**
 * Debian's Chromium driven by playwright-core (no browser download exists here): one browser per test file,
 * pages reused, every request outside the site's origin recorded so a test can prove there were none.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../infra/local/auth.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to any host but the site's (must stay empty). */
  readonly foreignRequests: string[];
  /** Console errors and CSP violations the page reported. */
  readonly problems: string[];
}

export const openPage = async (
  browser: Browser,
  siteUrl: string,
  viewport: { width: number; height: number },
  /** `allowOrigins`: hosts the page may reach besides its own (the emulator's S3 for evidence uploads). */
  options: { lang?: 'ur' | 'en'; allowOrigins?: readonly string[] } = {},
): Promise<WatchedPage> => {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: options.lang === 'en' ? 'en-GB' : 'ur-PK',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  });
  const origin = new URL(siteUrl).origin;
  const allowed = (url: URL) =>
    url.origin === origin || url.protocol === 'data:' || (options.allowOrigins ?? []).includes(url.origin);
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    if (!allowed(new URL(request.url()))) foreignRequests.push(request.url());
  });
  // Navigations to other hosts (wa.me links) are never followed in tests.
  await context.route(
    (url) => !allowed(url),
    (route) => route.abort(),
  );
  if (options.lang) {
    await context.addInitScript(`localStorage.setItem('rabta.lang', ${JSON.stringify(options.lang)})`);
  }
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, foreignRequests, problems };
};

/** Closes the pages a test opened (a page left open keeps polling the runtime). */
export const closePages = async (opened: WatchedPage[]): Promise<void> => {
  await Promise.all(opened.splice(0).map(({ context }) => context.close()));
};

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core over the page as it is now; serious and critical violations only. Evaluated through the DevTools
 * protocol, so the page's strict CSP (no inline scripts) stays on while it runs.
 */
export const seriousViolations = async (page: Page): Promise<AxeViolation[]> => {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'docs/screenshots');

/** A full-page screenshot into docs/screenshots/<name>.png (shown in the README). */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate('document.fonts.ready');
  await page.screenshot({
    path: resolve(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
};

/**
 * Waits until a JavaScript expression is true in the page. Polls through page.evaluate (the DevTools protocol),
 * because Playwright's waitForFunction evaluates strings with eval, which the site's CSP forbids.
 */
export const waitUntil = async (page: Page, expression: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await page.waitForTimeout(100);
  }
};
