/**
 * Debian's Chromium driven by playwright-core (no browser download exists here): one browser per test file,
 * pages reused, every request outside the site's origin recorded so a test can prove there were none.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
  options: { lang?: 'ur' | 'en' } = {},
): Promise<WatchedPage> => {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: options.lang === 'en' ? 'en-GB' : 'ur-PK',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  });
  const origin = new URL(siteUrl).origin;
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  // Navigations to other hosts (wa.me links) are never followed in tests.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:',
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
