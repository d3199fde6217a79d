/** Shared steps of the browser tests: a citizen filing through the form, an officer signing in on the console. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitUntil } from './browser.ts';

export interface Filed {
  readonly etag: string;
  readonly trackingCode: string;
}

export const DESCRIPTION = 'The police station refused to register my FIR about a stolen motorcycle.';

export const fillComplaint = async (
  page: Page,
  fields: { district?: string; category?: string; description?: string; phone?: string; name?: string } = {},
): Promise<void> => {
  await page.waitForSelector('select[name=district] option[value=LHR]', { state: 'attached' });
  await page.selectOption('select[name=category]', fields.category ?? 'fir_not_registered');
  await page.selectOption('select[name=district]', fields.district ?? 'LHR');
  await page.fill('input[name=station]', 'Gulberg');
  await page.fill('textarea[name=description]', fields.description ?? DESCRIPTION);
  await page.fill('input[name=name]', fields.name ?? 'Ayesha Khan');
  await page.fill('input[name=phone]', fields.phone ?? '0300 1234567');
};

export const readReceipt = async (page: Page): Promise<Filed> => {
  await page.waitForSelector('[data-testid=etag]');
  const etag = (await page.textContent('[data-testid=etag]')) ?? '';
  const trackingCode = (await page.textContent('[data-testid=tracking-code]')) ?? '';
  expect(etag).toMatch(/^LHR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return { etag, trackingCode };
};

export const track = async (page: Page, siteUrl: string, filed: Filed): Promise<void> => {
  await page.goto(`${siteUrl}#/track?etag=${filed.etag}`);
  await page.fill('input[name=trackingCode]', filed.trackingCode);
  await page.click('form.form button[type=submit]');
  await page.waitForSelector('[data-testid=status]');
};

/** The development sign-in page of the local runtime. */
export const signIn = async (
  page: Page,
  consoleUrl: string,
  role: string,
  area: { district?: string; station?: string; region?: string } = {},
): Promise<void> => {
  await page.goto(consoleUrl);
  await page.waitForSelector('#l-role');
  await page.selectOption('#l-role', role);
  if (area.district) await page.selectOption('#l-district', area.district);
  if (area.region) await page.selectOption('#l-region', area.region);
  if (area.station) await page.fill('#l-station', area.station);
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-testid=who]');
};

/** Submits one of the complaint page's action forms (found by `data-form`, whatever the language) and waits for its outcome. */
export const officerAct = async (
  page: Page,
  form: 'assign' | 'action' | 'status',
  fill: (page: Page) => Promise<void>,
): Promise<string> => {
  const selector = `form[data-form="${form}"]`;
  const before = (await page.textContent('[data-testid=version]')) ?? '';
  await fill(page);
  await page.click(`${selector} button[type=submit]`);
  // The form clears its outcome on submit; success also shows the reloaded complaint's new version.
  await waitUntil(
    page,
    `(() => {
    const outcome = document.querySelector('${selector} [data-outcome]');
    if (!outcome || document.querySelector('${selector} button[disabled]')) return false;
    return outcome.dataset.outcome !== 'ok' ||
      document.querySelector('[data-testid=version]')?.textContent !== ${JSON.stringify(before)};
  })()`,
  );
  const kind = (await page.getAttribute(`${selector} [data-outcome]`, 'data-outcome')) ?? '';
  return kind;
};
