/**
 * The officer console in Debian's Chromium, in Urdu and English: a 412 that reloads and keeps the officer's
 * text, a DPO who cannot open another district's complaint, the CPO dashboard drawing its charts from a few
 * hundred real complaints, axe-core on every console page on a phone and a desktop, and the README's
 * screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { C } from '../../web/console/strings.ts';
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
  type WatchedPage,
} from './browser.ts';
import { officerAct, signIn } from './support.ts';

/** A few hundred, as the issue asks; RABTA_CONSOLE_SEED lowers it for a quick local look at the pages. */
const SEEDED = Number(process.env.RABTA_CONSOLE_SEED ?? 240);
/** Filings in flight while seeding: each waits mostly on the emulator's serialized table calls, not on CPU. */
const SEED_CONCURRENCY = 8;
const runId = Date.now().toString(36);
const DISTRICTS = ['LHR', 'FSD', 'RWP', 'MTN', 'GRW', 'SGD', 'BWP', 'SKT'];
const CATEGORIES = ['theft_robbery', 'fir_not_registered', 'police_misconduct', 'cybercrime', 'traffic'];

describe.skipIf(!chromiumAvailable() /* reason: no Chromium at /usr/bin/chromium; CI installs it */)(
  'officer console in Chromium (skipped only when /usr/bin/chromium is missing)',
  () => {
    let runtime: RunningLocalRuntime;
    let browser: Browser;
    let consoleUrl: string;
    const etags: Record<string, string[]> = {};
    const opened: WatchedPage[] = [];

    const open = async (viewport: { width: number; height: number }, lang: 'ur' | 'en' = 'en') => {
      const watched = await openPage(browser, consoleUrl, viewport, { lang });
      opened.push(watched);
      return watched;
    };

    /**
     * Seeds complaints through the public API, a few at a time. Each filing carries an Idempotency-Key, so a
     * filing the loaded machine answered with a 5xx is sent again as a client would, and still files once.
     */
    const seed = async (count: number) => {
      let next = 0;
      let retried = 0;
      const file = async (i: number, district: string, key: string): Promise<Response> => {
        for (let attempt = 1; ; attempt++) {
          const response = await fetch(`${runtime.apiUrl}/complaints`, {
            signal: AbortSignal.timeout(120_000),
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({
              complainant: { name: `Citizen ${i}`, phone: `0300 ${String(1000000 + i).padStart(7, '0')}` },
              district,
              station: `Station ${(i % 3) + 1}`,
              category: CATEGORIES[i % CATEGORIES.length],
              description: `Seeded complaint number ${i}: the matter was reported and nothing happened since.`,
              language: i % 2 === 0 ? 'ur' : 'en',
              // No opt-in question to each seeded phone: the dashboard needs the complaints, not 240 messages.
              optOutOfUpdates: true,
            }),
          }).catch((error: unknown) => {
            // A connection the overloaded runtime dropped: the same key makes the retry safe.
            if (attempt === 4) throw error;
            return undefined;
          });
          if (response && (response.status < 500 || attempt === 4)) return response;
          retried++;
          await new Promise((done) => setTimeout(done, 2000 * attempt));
        }
      };
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const district = DISTRICTS[i % DISTRICTS.length] ?? 'LHR';
          const response = await file(i, district, `seed-${runId}-${i}`);
          const body = await response.text();
          expect(response.status, body).toBe(201);
          const { etag } = JSON.parse(body) as { etag: string };
          (etags[district] ??= []).push(etag);
        }
      };
      await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
      if (retried > 0) console.warn(`seeding: ${retried} filings answered 5xx and were sent again`);
    };

    beforeAll(async () => {
      [runtime, browser] = await Promise.all([
        // Seeding files hundreds of complaints from 127.0.0.1: past the per-address limit unless scaled.
        startLocalRuntimeProcess({ stagePrefix: 'console', env: { RATE_LIMIT_SCALE: '100' } }),
        launchBrowser(),
      ]);
      consoleUrl = `${runtime.apiUrl}/console/`;
      const started = Date.now();
      await seed(SEEDED);
      console.log(
        `seeded ${SEEDED} complaints through the API in ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }, 720_000);

    afterEach(() => closePages(opened));

    afterAll(async () => {
      await browser?.close();
      await runtime?.stop();
    });

    it.each([
      ['desktop', 'en', DESKTOP, 0],
      ['phone', 'ur', PHONE, 2],
    ] as const)(
      'a 412 on a %s in %s: someone else acted first, the complaint reloads and the officer’s text is kept',
      async (_device, lang, viewport, which) => {
        // Prepare: two DPOs of Lahore on the same complaint.
        const etag = etags.LHR?.[which] ?? '';
        const first = await open(DESKTOP);
        const second = await open(viewport, lang);
        for (const { page } of [first, second]) {
          await signIn(page, consoleUrl, 'DPO', { district: 'LHR' });
          await page.goto(`${consoleUrl}#/complaints/${etag}`);
          await page.waitForSelector('[data-testid=version]');
        }
        const note =
          lang === 'ur'
            ? 'شکایت کنندہ سے بات ہو گئی؛ ایس ایچ او کل موقع پر جائیں گے۔'
            : 'Called the complainant; the SHO will visit tomorrow.';

        // The stations offered are Lahore's in the force directory, each with its circle.
        expect(await first.page.textContent('#a-station option[value=Gulberg]')).toBe('Gulberg (Model Town)');

        // Act: the first acts; the second, still on the old version, records an action.
        expect(
          await officerAct(first.page, 'assign', async (p) => {
            await p.selectOption('#a-level', 'SHO');
            await p.selectOption('#a-station', 'Gulberg');
          }),
        ).toBe('ok');
        const outcome = await officerAct(second.page, 'action', async (p) => {
          await p.selectOption('#r-kind', 'called_complainant');
          await p.fill('#r-note', note);
        });

        // Assess: told in the page's language, reloaded (new version, assignment shown) and the typed note
        // still there; sending again works.
        expect(outcome).toBe('conflict');
        expect(await second.page.textContent('form[data-form=action] [data-outcome]')).toBe(C.conflict[lang]);
        expect(await second.page.inputValue('#r-note')).toBe(note);
        expect(await second.page.textContent('[data-testid=version]')).toBe(
          await first.page.textContent('[data-testid=version]'),
        );
        expect(await officerAct(second.page, 'action', async () => undefined)).toBe('ok');
        expect(await second.page.textContent('.timeline')).toContain(note);
        expect(await second.page.getAttribute('html', 'lang')).toBe(lang);
      },
      90_000,
    );

    it('a DPO cannot open a complaint of another district (Urdu)', async () => {
      // Prepare
      const { page } = await open(DESKTOP, 'ur');
      await signIn(page, consoleUrl, 'DPO', { district: 'LHR' });

      // Act
      await page.goto(`${consoleUrl}#/complaints/${etags.FSD?.[0] ?? ''}`);

      // Assess: the same answer as an unknown e-tag, nothing of the complaint shown.
      await page.waitForSelector('[role=alert]');
      expect(await page.textContent('[role=alert]')).toBe(C.notInArea.ur);
      expect(await page.$('[data-testid=version]')).toBeNull();
    }, 60_000);

    it('the CPO dashboard draws its charts from the seeded complaints, with tables and CSV export (Urdu)', async () => {
      // Prepare
      const { page, foreignRequests } = await open(DESKTOP, 'ur');
      await signIn(page, consoleUrl, 'CPO');

      // Act
      await page.goto(`${consoleUrl}#/monitoring`);
      // The CPO's report reads every district of the province (and eight weekly ones): allow a loaded machine time.
      await page.waitForSelector('[data-chart=districts] canvas', { timeout: 150_000 });
      await page.waitForSelector('[data-chart=weeks] canvas', { timeout: 150_000 });
      await screenshot(page, 'console-monitoring-cpo-ur-desktop');
      const download = page.waitForEvent('download');
      await page.click('[data-action=csv]');
      const csv = await (await download).createReadStream();
      let text = '';
      for await (const chunk of csv) text += String(chunk);

      // Assess: the figures are the seeded ones, and the charts have drawn bars and lines.
      expect(Number(await page.textContent('[data-testid=total-filed]'))).toBeGreaterThanOrEqual(SEEDED);
      const inked = await page.evaluate(`[...document.querySelectorAll('[data-chart] canvas')].map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    })`);
      expect((inked as number[]).every((n) => n > 500)).toBe(true);
      expect(text.split('\r\n')[0]).toMatch(/^district,region,filed,open,overdue,breaches/);
      const lahore = text.split('\r\n').find((line) => line.startsWith('LHR,'));
      expect(Number(lahore?.split(',')[2])).toBeGreaterThanOrEqual(SEEDED / DISTRICTS.length);
      expect(await page.textContent('h1')).toBe(C.monitoringTitle.ur);
      expect(foreignRequests).toEqual([]);
    }, 330_000);

    it.each([
      ['phone', 'ur', PHONE],
      ['phone', 'en', PHONE],
      ['desktop', 'ur', DESKTOP],
      ['desktop', 'en', DESKTOP],
    ] as const)(
      'every console page on a %s in %s: no serious or critical axe finding, nothing wider than the screen, a screenshot',
      async (device, lang, viewport) => {
        // Prepare
        const { page, foreignRequests, problems } = await open(viewport, lang);
        const findings: Record<string, unknown[]> = {};
        const overflows: Record<string, number> = {};
        const check = async (name: string) => {
          const violations = await seriousViolations(page);
          if (violations.length > 0) findings[name] = violations;
          const overflow = (await page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          )) as number;
          if (overflow > 0) overflows[name] = overflow;
          await screenshot(page, `console-${name}-${lang}-${device}`);
        };

        // Act
        await page.goto(consoleUrl);
        await page.waitForSelector('#l-role');
        await check('sign-in');
        await signIn(page, consoleUrl, 'DPO', { district: 'LHR' });
        await page.waitForSelector('table tbody tr', { timeout: 90_000 });
        // The station filter suggests Lahore's police stations from the force directory.
        await page.waitForSelector('#q-station-choices option[value=Gulberg]', { state: 'attached' });
        await check('queue');
        await page.goto(`${consoleUrl}#/complaints/${etags.LHR?.[1] ?? ''}`);
        await page.waitForSelector('[data-testid=version]');
        // The assign form's choices come from the force directory.
        await page.waitForSelector('#a-station option[value=Gulberg]', { state: 'attached' });
        await check('complaint');
        await page.goto(`${consoleUrl}#/follow-ups`);
        await page.waitForSelector('.table-scroll');
        await check('follow-ups');
        await page.goto(`${consoleUrl}#/alerts`);
        await page.waitForSelector('.table-scroll');
        await check('alerts');
        await page.goto(`${consoleUrl}#/monitoring`);
        await page.waitForSelector('[data-chart=districts] canvas', { timeout: 90_000 });
        await page.waitForSelector('[data-chart=weeks] canvas', { timeout: 90_000 });
        await check('monitoring');

        // Assess: every page in the chosen language, accessible, within the screen, nothing third-party.
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ur' ? 'rtl' : 'ltr');
        expect(await page.textContent('h1')).toBe(C.monitoringTitle[lang]);
        expect(findings).toEqual({});
        expect(overflows).toEqual({});
        expect(foreignRequests).toEqual([]);
        expect(problems).toEqual([]);
      },
      240_000,
    );

    it.each([
      ['desktop', 'en', DESKTOP],
      ['phone', 'ur', PHONE],
    ] as const)(
      'an administrator on a %s in %s manages the force directory: a station, an officer posted to it, a roster checked then applied',
      async (device, lang, viewport) => {
        // Prepare
        const { page, foreignRequests, problems } = await open(viewport, lang);
        await signIn(page, consoleUrl, 'ADMIN');
        await page.goto(`${consoleUrl}#/force`);
        await page.waitForSelector('tr[data-unit^="circle-LHR"]');
        const violations = await seriousViolations(page);
        const overflow = (await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        )) as number;
        await screenshot(page, `console-force-${lang}-${device}`);
        const stationName = `Garden Town ${lang} ${runId}`;
        const stationId = `station-LHR-garden-town-${lang}-${runId}`;
        const serviceNumber = `PB-${lang.toUpperCase()}-${runId}`.toUpperCase();
        const outcomeOf = async (form: string) => {
          await page.waitForSelector(`form[data-form="${form}"] [data-outcome]`, { timeout: 30_000 });
          return page.getAttribute(`form[data-form="${form}"] [data-outcome]`, 'data-outcome');
        };

        // Act: a station under one of Lahore's circles
        await page.selectOption('#u-kind', 'station');
        await page.fill('#u-name', stationName);
        const circle = (await page.evaluate(
          `[...document.querySelectorAll('#u-parent option')].find((o) => o.value.startsWith('circle-LHR'))?.value`,
        )) as string;
        await page.selectOption('#u-parent', circle);
        await page.click('form[data-form="unit-create"] button[type=submit]');
        const unitCreated = await outcomeOf('unit-create');
        await page.waitForSelector(`tr[data-unit="${stationId}"]`);

        // Act: an officer posted to its SHO post at once
        await page.fill('#oc-sn', serviceNumber);
        await page.fill('#oc-name', 'Bilal Ahmed');
        await page.selectOption('#oc-rank', 'Inspector');
        await page.fill('#oc-whatsapp', '0300 1112233');
        await page.check('#oc-consent');
        await page.selectOption('#oc-post', `${stationId}.head`);
        await page.click('form[data-form="officer-create"] button[type=submit]');
        const officerCreated = await outcomeOf('officer-create');
        await page.waitForSelector(`tr[data-posting="${stationId}.head"]`);
        const posting = await page.textContent(`tr[data-posting="${stationId}.head"]`);
        const record = await page.textContent('[data-testid=officer]');

        // Act: a roster with two bad lines, checked; then a good one, checked and applied
        const header = 'service_number,name,rank,district,post,unit';
        await page.fill(
          '#roster-csv',
          [
            header,
            'PB-R1,Asif Khan,General,LHR,SHO,Gulberg',
            `PB-R2,Imran Ali,SI,LHR,SHO,Nowhere ${runId}`,
          ].join('\n'),
        );
        await page.click('[data-form=roster] button.secondary');
        await page.waitForSelector('tr[data-roster-error]');
        const errorKinds = await page.$$eval('tr[data-roster-error]', (rows) =>
          rows.map((r) => [r.children[0]?.textContent, r.getAttribute('data-roster-error')]),
        );
        const applyAfterErrors = await page.isDisabled('[data-form=roster] button.primary');
        await page.fill(
          '#roster-csv',
          [header, `PB-R3-${runId},Imran Ali,SI,LHR,SHO,${stationName}`].join('\n'),
        );
        await page.click('[data-form=roster] button.secondary');
        await page.waitForSelector('[data-testid=roster-report][data-applied=false][data-errors="0"]');
        const dryRun = await page.textContent('[data-testid=roster-report]');
        await page.click('[data-form=roster] button.primary');
        await page.waitForSelector('[data-testid=roster-report][data-applied=true]');

        // Assess
        expect(unitCreated).toBe('ok');
        expect(officerCreated).toBe('ok');
        expect(record).toContain('Bilal Ahmed');
        expect(record).toContain('+923001112233');
        expect(posting).toContain(C.holdsNow[lang]);
        expect(errorKinds).toEqual([
          ['2', 'unknown_rank'],
          ['3', 'unknown_station'],
        ]);
        expect(applyAfterErrors).toBe(true);
        expect(dryRun).toContain(C.rosterWouldChange[lang]);
        expect(await page.textContent('[data-testid=roster-report]')).toContain(C.rosterApplied[lang]);
        expect(await page.textContent('h1')).toBe(C.forceTitle[lang]);
        expect(violations).toEqual([]);
        expect(overflow).toBe(0);
        expect(foreignRequests).toEqual([]);
        // The browser logs the roster's 422 (the dry run with errors); nothing else went wrong.
        expect(problems).toEqual([expect.stringContaining('status of 422')]);
      },
      120_000,
    );

    it('the language choice is remembered: switched once, the console opens in it again', async () => {
      // Prepare: a device with no choice yet opens the console in English.
      const { context, page } = await openPage(browser, consoleUrl, DESKTOP);
      opened.push({ context, page, foreignRequests: [], problems: [] });
      await page.goto(consoleUrl);
      await page.waitForSelector('#l-role');
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      // Act
      await page.click('button.lang');
      await page.waitForSelector('html[lang=ur]');
      await page.reload();
      await page.waitForSelector('#l-role');

      // Assess
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.textContent('#signin-title')).toBe(C.devSignInTitle.ur);
    }, 60_000);
  },
);
