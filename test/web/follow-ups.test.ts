/**
 * Disciplinary follow-ups in the officer console, in Debian's Chromium: a complaint left at Gulberg past its
 * deadline opens a follow-up that names the SHO posted there; the DPO is offered only the steps the rules allow
 * at each state, calls for an explanation, then closes it with a warning (a penalty needs a show-cause notice
 * first, so it is not offered).
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  C,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_STATE_LABELS,
  FOLLOW_UP_STEP_LABELS,
} from '../../web/console/strings.ts';
import { fileOnWeb, httpClient } from '../e2e/officer-e2e-support.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import {
  chromiumAvailable,
  closePages,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  waitUntil,
  type WatchedPage,
} from './browser.ts';
import { signIn } from './support.ts';

const HOUR = 3600_000;

/** The values of the options found (run in the page). */
const optionValues = (options: unknown[]): string[] => options.map((o) => (o as { value: string }).value);

/** The steps a follow-up row offers, and the outcomes it offers once "close" is chosen (it is left chosen). */
const offered = async (row: Locator): Promise<{ steps: string[]; outcomes: string[] }> => {
  const steps = await row.locator('select[name=type] option').evaluateAll(optionValues);
  await row.locator('select[name=type]').selectOption('close');
  await row.locator('select[name=outcome]').waitFor();
  return { steps, outcomes: await row.locator('select[name=outcome] option').evaluateAll(optionValues) };
};

/** A page expression: the follow-up row of this complaint shows exactly this state. */
const stateIs = (etag: string, state: string): string =>
  `[...document.querySelectorAll('tr')].some((tr) => tr.textContent.includes(${JSON.stringify(etag)}) && tr.querySelector('[data-testid=follow-up-state]')?.textContent === ${JSON.stringify(state)})`;

describe.skipIf(!chromiumAvailable() /* reason: no Chromium at /usr/bin/chromium; CI installs it */)(
  'disciplinary follow-ups in the console (skipped only when /usr/bin/chromium is missing)',
  () => {
    let runtime: RunningLocalRuntime;
    let browser: Browser;
    let consoleUrl: string;
    const opened: WatchedPage[] = [];

    beforeAll(async () => {
      [runtime, browser] = await Promise.all([
        startLocalRuntimeProcess({ stagePrefix: 'fu' }),
        launchBrowser(),
      ]);
      consoleUrl = `${runtime.apiUrl}/console/`;
      // The SHO of Gulberg, posted there from now on (the runtime's clock), as an administrator would.
      const http = httpClient(runtime);
      const posted = await http.request('POST', '/admin/officers', {
        token: await http.tokenFor('ADMIN'),
        body: {
          serviceNumber: 'PB-LHR-20417',
          name: 'Bilal Ahmed',
          rank: 'Inspector',
          postId: 'station-LHR-gulberg.head',
        },
      });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    }, 240_000);

    afterEach(() => closePages(opened));

    afterAll(async () => {
      await browser?.close();
      await runtime?.stop();
    });

    it.each([
      ['desktop', 'en', DESKTOP],
      ['phone', 'ur', PHONE],
    ] as const)(
      'on a %s in %s: the follow-up names the officer; only the allowed steps are offered; explanation, then a warning',
      async (device, lang, viewport) => {
        // Prepare: a complaint assigned to Gulberg's SHO and left there past its 8-hour first-action deadline.
        const http = httpClient(runtime);
        const dpo = await http.tokenFor('DPO', { district: 'LHR' });
        const { etag } = await fileOnWeb(
          http,
          { name: 'Imran Shah', phone: '0300 7654321' },
          {
            category: 'fir_not_registered',
            description: 'The SHO refused to register an FIR about the burglary at my shop.',
            optOutOfUpdates: true,
          },
        );
        const assigned = await http.request('POST', `/officer/complaints/${etag}/assign`, {
          token: dpo,
          ifMatch: 1,
          body: { level: 'SHO', station: 'Gulberg' },
        });
        expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
        await http.advanceClock(9 * HOUR);
        expect((await runtime.fireSchedule('SlaSweep')).status).toBe(200);

        // Act: the DPO opens the follow-ups.
        const watched = await openPage(browser, consoleUrl, viewport, { lang });
        opened.push(watched);
        const { page, foreignRequests } = watched;
        await signIn(page, consoleUrl, 'DPO', { district: 'LHR' });
        await page.goto(`${consoleUrl}#/follow-ups`);
        const row = page.locator('tr', { has: page.locator(`a:text-is("${etag}")`) });
        await row.waitFor();

        // Assess: the post and the officer posted there when the deadline passed; the steps open at "open".
        expect(await row.locator('[data-testid=accountable]').textContent()).toBe(
          'Inspector Bilal Ahmed · PB-LHR-20417',
        );
        expect(await offered(row)).toEqual({
          steps: ['callExplanation', 'issueShowCause', 'addNote', 'close'],
          outcomes: ['exonerated'],
        });
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `console-follow-up-${lang}-${device}`);

        // Act: call for an explanation.
        await row.locator('select[name=type]').selectOption('callExplanation');
        await row.locator('input[name=note]').fill('Explain why the FIR was not registered within 8 hours.');
        await row.locator('button[type=submit]').click();
        await waitUntil(page, stateIs(etag, FOLLOW_UP_STATE_LABELS.explanation_called?.[lang] ?? ''));

        // Assess: now a warning may close it (the officer was heard), a penalty still may not.
        expect(await offered(row)).toEqual({
          steps: ['issueShowCause', 'addNote', 'close'],
          outcomes: ['exonerated', 'warning'],
        });

        // Act: close it with a warning.
        await row.locator('select[name=outcome]').selectOption('warning');
        await row.locator('input[name=note]').fill('Explanation not satisfactory; warned.');
        await row.locator('button[type=submit]').click();

        // Assess: closed with its outcome, the steps and their notes kept on it, and no form left on it.
        const closed = `${FOLLOW_UP_STATE_LABELS.closed?.[lang] ?? ''} — ${FOLLOW_UP_OUTCOME_LABELS.warning?.[lang] ?? ''}`;
        await waitUntil(page, stateIs(etag, closed));
        expect(await row.locator('form').count()).toBe(0);
        await row.locator('[data-testid=steps-taken] summary').click();
        const steps = await row.locator('[data-testid=steps-taken] li').allTextContents();
        expect(steps).toHaveLength(2);
        expect(steps[0]).toContain(FOLLOW_UP_STEP_LABELS.callExplanation?.[lang] ?? '');
        expect(steps[0]).toContain('Explain why the FIR was not registered within 8 hours.');
        expect(steps[1]).toContain(FOLLOW_UP_OUTCOME_LABELS.warning?.[lang] ?? '');
        expect(steps[1]).toContain('Explanation not satisfactory; warned.');
        expect(await page.textContent('h1')).toBe(C.followUpsTitle[lang]);
        expect(foreignRequests).toEqual([]);
      },
      180_000,
    );
  },
);
