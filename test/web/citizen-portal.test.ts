/**
 * The citizen portal and the officer console in Debian's Chromium, against the whole local runtime: the
 * journey of issue 8 on a phone in Urdu and on a desktop in English, bad input, double submit, axe-core, the
 * byte budget, no third-party request, and the README's screenshots.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { roleLabel, statusLabel } from '../../shared/chat/labels.ts';
import { FIELD_ERRORS_UR } from '../../web/citizen/strings.ts';
import { ACTION_LABELS } from '../../web/lib/labels.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import {
  chromiumAvailable,
  closePages,
  CHROMIUM_PATH,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  waitUntil,
  type WatchedPage,
} from './browser.ts';
import { fillComplaint, officerAct, readReceipt, signIn, track, type Filed } from './support.ts';
import { officerTokenClaims } from '../../infra/local/auth.ts';

const available = chromiumAvailable();
if (!available)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);

const KB = 1024;

describe.skipIf(!available /* reason: no Chromium at /usr/bin/chromium; CI installs it */)(
  'citizen portal in Chromium (skipped only when /usr/bin/chromium is missing)',
  () => {
    let runtime: RunningLocalRuntime;
    let browser: Browser;
    let siteUrl: string;
    let consoleUrl: string;
    const opened: WatchedPage[] = [];

    const open = async (viewport: { width: number; height: number }, lang?: 'ur' | 'en') => {
      const watched = await openPage(browser, siteUrl, viewport, lang ? { lang } : {});
      opened.push(watched);
      return watched;
    };

    const fileThroughApi = async (district = 'LHR'): Promise<Filed> => {
      const response = await fetch(`${runtime.apiUrl}/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          complainant: { name: 'Bilal Ahmed', phone: '0301 7654321' },
          district,
          category: 'theft_robbery',
          description: 'My motorcycle was stolen outside the market on Saturday evening.',
        }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Filed;
    };

    beforeAll(async () => {
      [runtime, browser] = await Promise.all([
        startLocalRuntimeProcess({ stagePrefix: 'web' }),
        launchBrowser(),
      ]);
      siteUrl = `${runtime.apiUrl}/`;
      consoleUrl = `${runtime.apiUrl}/console/`;
    }, 120_000);

    afterEach(() => closePages(opened));

    afterAll(async () => {
      await browser?.close();
      await runtime?.stop();
    });

    it.each([
      ['phone', 'ur', PHONE],
      ['phone', 'en', PHONE],
      ['desktop', 'ur', DESKTOP],
      ['desktop', 'en', DESKTOP],
    ] as const)(
      'on a %s in %s: file → receipt → track → officer assigns and records an action → citizen sees it → resolved → not satisfied → reopened one level up',
      async (_device, lang, viewport) => {
        // Prepare: a citizen on the portal, a DPO of Lahore on the console, both on this screen and language.
        const citizen = await open(viewport, lang);
        const officer = await open(viewport, lang);
        const page = citizen.page;

        // Act: file through the form.
        await page.goto(`${siteUrl}#/file`);
        await fillComplaint(page);
        // The station field offers Lahore's police stations from the force directory once Lahore is chosen.
        await page.waitForSelector('#f-station-choices option[value=Gulberg]', { state: 'attached' });
        expect(await page.$$eval('#f-station-choices option', (options) => options.length)).toBe(7);
        await page.click('form.form button[type=submit]');
        const filed = await readReceipt(page);

        // Assess: the receipt offers WhatsApp with the e-tag, and tracking shows it received.
        expect(await page.getAttribute('a[href^="https://wa.me/"]', 'href')).toContain(
          encodeURIComponent(filed.etag),
        );
        await track(page, siteUrl, filed);
        expect(await page.textContent('[data-testid=status]')).toBe(statusLabel('received', lang));

        // Act: the officer assigns it to the SHO of Gulberg and records an FIR.
        await signIn(officer.page, consoleUrl, 'DPO', { district: 'LHR' });
        await officer.page.goto(`${consoleUrl}#/complaints/${filed.etag}`);
        await officer.page.waitForSelector('[data-testid=version]');
        expect(
          await officerAct(officer.page, 'assign', async (p) => {
            await p.selectOption('#a-level', 'SHO');
            await p.selectOption('#a-station', 'Gulberg');
          }),
        ).toBe('ok');
        expect(
          await officerAct(officer.page, 'action', async (p) => {
            await p.selectOption('#r-kind', 'fir_registered');
            await p.fill('#r-fir', '123/2026');
            await p.fill('#r-note', 'FIR registered at Gulberg police station.');
          }),
        ).toBe('ok');

        // Assess: the citizen's track page shows the holder by role and the FIR.
        await track(page, siteUrl, filed);
        expect(await page.textContent('[data-testid=held-by]')).toBe(roleLabel('SHO', lang, 'LHR'));
        expect(await page.textContent('.timeline')).toContain('123/2026');
        expect(await page.textContent('.timeline')).toContain(ACTION_LABELS.fir_registered[lang]);
        expect(await page.textContent('.timeline')).not.toContain('DPO (local)');
        expect(await page.$('.timeline .by')).toBeNull();

        // Act: the officer starts and resolves; the citizen is not satisfied.
        for (const [type, note] of [
          ['start', ''],
          ['resolve', 'The motorcycle was recovered and handed over.'],
        ] as const) {
          expect(
            await officerAct(officer.page, 'status', async (p) => {
              await p.selectOption('#s-type', type);
              await p.fill('#s-note', note);
            }),
          ).toBe('ok');
        }
        await track(page, siteUrl, filed);
        expect(await page.textContent('[data-testid=status]')).toBe(statusLabel('resolved', lang));
        await page.fill('textarea[name=reason]', 'Nobody called me and the FIR copy was not given.');
        await page.click('.feedback form.form button[type=submit]');

        // Assess: reopened and held one level up (SHO → SDPO).
        await waitUntil(
          page,
          `document.querySelector('[data-testid=status]')?.textContent === ${JSON.stringify(statusLabel('reopened', lang))}`,
        );
        expect(await page.textContent('[data-testid=held-by]')).toBe(roleLabel('SDPO', lang, 'LHR'));

        // Assess: the officer's console, in the same language, shows it reopened and held by the SDPO.
        await officer.page.reload();
        await waitUntil(
          officer.page,
          `document.querySelector('h1')?.textContent.includes(${JSON.stringify(statusLabel('reopened', lang))})`,
        );
        expect(await officer.page.getAttribute('html', 'lang')).toBe(lang);
        expect(await officer.page.textContent('.facts')).toContain('SDPO');
        expect(citizen.foreignRequests).toEqual([]);
        expect(officer.foreignRequests).toEqual([]);
      },
      120_000,
    );

    it.each(['ur', 'en'] as const)(
      'bad input in %s: the API’s error next to each field in the page’s language, nothing filed',
      async (lang) => {
        // Prepare
        const { page, foreignRequests } = await open(PHONE, lang);
        const posts: string[] = [];
        page.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith('/complaints')) posts.push(r.url());
        });
        await page.goto(`${siteUrl}#/file`);
        await fillComplaint(page, { description: 'too short', phone: '12' });

        // Act
        await page.click('form.form button[type=submit]');
        await page.waitForSelector('.field.invalid');

        // Assess
        const phoneError = await page.textContent('#f-phone-error');
        const descriptionError = await page.textContent('#f-description-error');
        if (lang === 'ur') {
          expect(phoneError).toBe(FIELD_ERRORS_UR['complainant.phone']);
          expect(descriptionError).toBe(FIELD_ERRORS_UR.description);
        } else {
          expect(phoneError).toBe('Invalid phone number');
          expect(descriptionError).toMatch(/20/);
        }
        expect(await page.getAttribute('textarea[name=description]', 'aria-invalid')).toBe('true');
        expect(await page.$('[data-testid=etag]')).toBeNull();
        expect(posts).toHaveLength(1);
        expect(foreignRequests).toEqual([]);
      },
      60_000,
    );

    it('a double press of submit files one complaint (Idempotency-Key)', async () => {
      // Prepare
      const { page } = await open(PHONE, 'en');
      const keys: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/complaints'))
          keys.push(r.headers()['idempotency-key'] ?? '');
      });
      const description = `Double press check ${Date.now()}: my phone was snatched near the bus stand.`;
      await page.goto(`${siteUrl}#/file`);
      await fillComplaint(page, { description, district: 'LHR' });

      // Act: two quick presses.
      await page.dblclick('form.form button[type=submit]');
      const filed = await readReceipt(page);

      // Assess: every request carried a key; one complaint with this description exists.
      expect(keys.length).toBeGreaterThanOrEqual(1);
      expect(keys.every((k) => k.length >= 16 && k === keys[0])).toBe(true);
      const token = await runtime.token(officerTokenClaims({ sub: 'cpo', role: 'CPO' }));
      const list = (await (
        await fetch(`${runtime.apiUrl}/officer/complaints?district=LHR&limit=100`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { items: { etag: string; description: string }[] };
      expect(list.items.filter((c) => c.description === description).map((c) => c.etag)).toEqual([
        filed.etag,
      ]);
    }, 60_000);

    it('"Add my location" offers the district the point lies in when another is selected, and the complaint keeps it', async () => {
      // Prepare: the phone is at Data Darbar, Lahore; the citizen first picked Multan.
      const { page, context, problems } = await open(PHONE, 'en');
      await context.grantPermissions(['geolocation'], { origin: new URL(siteUrl).origin });
      await context.setGeolocation({ latitude: 31.579, longitude: 74.3046 });
      await page.goto(`${siteUrl}#/file`);
      // Another phone: the journeys above used this file's five filings a day for the default one.
      await fillComplaint(page, {
        phone: '0302 5550100',
        district: 'MTN',
        description: `Location check ${Date.now()}: my bag was snatched.`,
      });

      // Act
      await page.click('text=Add my current location');
      const note = page.locator('[data-testid=location-district]');
      await note.locator('button').waitFor();
      const offered = await note.textContent();
      await note.locator('button').click();
      const selected = await page.inputValue('select[name=district]');
      const confirmed = await note.textContent();
      await page.click('form.form button[type=submit]');
      const filed = await readReceipt(page);

      // Assess
      expect(offered).toContain('Your location is in Lahore district, not the one selected.');
      expect(selected).toBe('LHR');
      expect(confirmed).toContain('so it is selected above');
      const token = await runtime.token(officerTokenClaims({ sub: 'cpo', role: 'CPO' }));
      const detail = (await (
        await fetch(`${runtime.apiUrl}/officer/complaints/${filed.etag}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { complaint: { location?: unknown } };
      expect(detail.complaint.location).toEqual({
        latitude: 31.579,
        longitude: 74.3046,
        suggestedDistricts: ['LHR'],
      });
      expect(problems).toEqual([]);
    }, 60_000);

    it('first load of the portal stays within 60 KB of JavaScript (gzip) and 250 KB in all, font included', async () => {
      // Prepare
      const { page, foreignRequests } = await open(PHONE, 'ur');
      const responses: Response[] = [];
      page.on('response', (response) => responses.push(response));

      // Act: load, let the font (Urdu text) arrive, then read every body.
      await page.goto(siteUrl, { waitUntil: 'networkidle' });
      await page.evaluate('document.fonts.ready');
      await waitUntil(
        page,
        `performance.getEntriesByType('resource').some((e) => e.name.endsWith('.woff2'))`,
      );
      await page.waitForLoadState('networkidle');
      const bodies = await Promise.all(
        responses.map(async (response) => {
          const body = await response.body().catch(() => Buffer.alloc(0));
          const type = response.headers()['content-type'] ?? '';
          // What CloudFront sends: text compressed (gzip), fonts as they are.
          return {
            url: response.url(),
            type,
            bytes: /font\//.test(type) ? body.length : gzipSync(body).length,
          };
        }),
      );

      // Assess
      const js = bodies.filter((b) => b.type.includes('javascript')).reduce((n, b) => n + b.bytes, 0);
      const total = bodies.reduce((n, b) => n + b.bytes, 0);
      console.log(
        `portal first load: ${(js / KB).toFixed(1)} KB JavaScript (gzip), ${(total / KB).toFixed(1)} KB in all, ${bodies.length} requests`,
      );
      expect(bodies.some((b) => b.type.startsWith('font/'))).toBe(true);
      expect(js).toBeLessThanOrEqual(60 * KB);
      expect(total).toBeLessThanOrEqual(250 * KB);
      expect(foreignRequests).toEqual([]);
    }, 60_000);

    it.each([
      ['phone', 'ur', PHONE],
      ['phone', 'en', PHONE],
      ['desktop', 'ur', DESKTOP],
      ['desktop', 'en', DESKTOP],
    ] as const)(
      'every page on a %s in %s: no serious or critical axe finding, no third-party request, a screenshot',
      async (device, lang, viewport) => {
        // Prepare: a real filing, so receipt and tracking show real data.
        const filed = await fileThroughApi();
        const { page, foreignRequests, problems } = await open(viewport, lang);
        const findings: Record<string, unknown[]> = {};
        const check = async (name: string) => {
          const violations = await seriousViolations(page);
          if (violations.length > 0) findings[name] = violations;
          await screenshot(page, `${name}-${lang}-${device}`);
        };

        // Act
        await page.goto(siteUrl);
        await page.waitForSelector('.tiles');
        await check('home');
        await page.goto(`${siteUrl}#/file`);
        await page.waitForSelector('select[name=district] option[value=LHR]', { state: 'attached' });
        await check('file');
        await fillComplaint(page, { description: 'short', phone: '12' });
        await page.click('form.form button[type=submit]');
        await page.waitForSelector('.field.invalid');
        await check('file-errors');
        await page.evaluate(
          `sessionStorage.setItem('rabta.receipt', ${JSON.stringify(JSON.stringify({ ...filed, createdAt: new Date().toISOString() }))})`,
        );
        await page.goto(`${siteUrl}#/receipt`);
        await page.waitForSelector('[data-testid=etag]');
        await check('receipt');
        await track(page, siteUrl, filed);
        await check('track');
        await page.goto(`${siteUrl}#/services`);
        await page.waitForSelector('.services a');
        await check('services');
        for (const id of ['genderHarassment', 'policeOffices', 'licence']) {
          await page.goto(`${siteUrl}#/services/${id}`);
          await page.waitForSelector('.service');
          if (id === 'policeOffices') await page.selectOption('#s-district', 'MTN');
          await check(`service-${id}`);
        }

        // Assess
        expect(findings).toEqual({});
        expect(foreignRequests).toEqual([]);
        // The only console errors allowed are the 400 of the deliberately bad form.
        expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
        // Nothing is wider than the phone's screen.
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
      },
      120_000,
    );
  },
);
