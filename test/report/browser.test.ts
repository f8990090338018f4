/**
 * The sample's report in a real browser: headless Chromium from the system package, driven by
 * playwright-core (which downloads nothing). The page is opened from file:// with every other
 * request refused; any request off the page, console error or page error fails the test; axe-core
 * runs in the page in the light and the dark scheme. Without a browser the test says so and skips,
 * unless ASE_REQUIRE_BROWSER=1 (as in .ci/run), where it fails. ASE_SCREENSHOT=<file.png> keeps a copy of the screenshot.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/report-html/page.js';
import { coverageDays } from '../../src/report-html/coverage-days.js';
import { ase } from '../helpers/cli.js';
import { sampleRepo, tempDir } from '../helpers/repo.js';
import { sampleRegistry, sampleReport, SAMPLE_TODAY } from './sample.js';

const require = createRequire(import.meta.url);
// ASE_CHROMIUM names the browser (and only it); else the system package's usual paths.
const CANDIDATES = process.env.ASE_CHROMIUM ? [process.env.ASE_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browserPath = CANDIDATES.find((p) => existsSync(p));
const required = process.env.ASE_REQUIRE_BROWSER === '1';
// No sandbox: CI runs as root in a container. The rest keeps Chromium from reaching the network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

/** axe-core run in the page: its serious and critical violations, one line each. */
async function seriousViolations(page: import('playwright-core').Page): Promise<string[]> {
  const axe = require('axe-core') as { source: string };
  await page.addScriptTag({ content: axe.source });
  // A string, not a function: the test is compiled without the DOM library.
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  expect(Array.isArray(result.violations)).toBe(true);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

if (!browserPath) {
  const where = CANDIDATES.join(', ');
  if (required) {
    it('finds a Chromium to run the report in (ASE_REQUIRE_BROWSER=1)', () => {
      expect.fail(`no Chromium at ${where}: install it (apt-get install chromium) or point ASE_CHROMIUM at one`);
    });
  } else {
    console.warn(`browser test skipped: no Chromium at ${where} (apt-get install chromium; ASE_REQUIRE_BROWSER=1 makes this a failure)`);
    // Skips itself, saying why: the browser is a system tool (CI installs it and sets ASE_REQUIRE_BROWSER=1).
    it('the report in a real browser (needs Chromium)', (ctx) => ctx.skip(`no Chromium at ${where}`));
  }
} else {
  describe('the sample report in headless Chromium', () => {
    // Folders from tempDir are removed after each test; this one lives for the whole file.
    let file = '';
    let calendar = '';
    let browser: import('playwright-core').Browser;

    beforeAll(async () => {
      const repo = sampleRepo();
      const r = ase(['report', '--out', '-'], { cwd: repo });
      expect(r.code).toBe(0);
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'ase-browser-'));
      file = join(dir, 'report.html');
      writeFileSync(file, r.stdout);
      // The sample has no time off yet: the calendar's away, gap and thin days are checked on a
      // page from the pure renderer with hand-made days.
      const days = coverageDays(sampleRegistry(), SAMPLE_TODAY, '2027-01-08');
      for (let i = 3; i < 12; i++) days[i] = { ...days[i]!, away: ['amara'] };
      for (let i = 5; i < 8; i++) days[i] = { ...days[i]!, away: ['amara', 'bruno', 'chen'], gaps: ['initech'], thin: true };
      calendar = join(dir, 'calendar.html');
      writeFileSync(calendar, sampleReport(SAMPLE_TODAY, days));
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: browserPath, args: ARGS });
      console.info(`browser test: Chromium ${browser.version()} at ${browserPath}`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (file) (await import('node:fs')).rmSync(join(file, '..'), { recursive: true, force: true });
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`loads offline, shows every section and chart, and axe finds nothing serious (${scheme})`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1000, height: 900 }, serviceWorkers: 'block' });
        const offPage: string[] = [];
        const problems: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:')) return route.continue();
          offPage.push(url);
          return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.on('request', (req) => {
          if (!req.url().startsWith('file:')) offPage.push(req.url());
        });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

        expect(await page.locator('h1').textContent()).toBe('Assigned support engineers on 2026-11-28');
        expect(await page.locator('main h2').allTextContents()).toEqual(SECTIONS.map(([, h]) => h));
        const labels = await page.locator('svg[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        expect(labels.map((l) => l.split(':')[0])).toEqual([
          'Cap usage',
          'Workload per support engineer against a maximum of 3 primary assignments',
          'Coverage calendar, 6 weeks',
          'Assignment timeline from 2025-11-28 to 2026-11-28',
        ]);
        expect(labels[0]).toBe('Cap usage: 9 of 15 active assignments (6 free); 7 post-sales, 2 pre-sales');
        // Charts are drawn: the cap bar and the timeline's bars have a size on screen.
        const bar = await page.locator('#timeline svg rect.bar').first().boundingBox();
        expect(bar!.width).toBeGreaterThan(10);
        expect(await page.locator('#timeline svg title').count()).toBeGreaterThanOrEqual(2);

        expect(await seriousViolations(page)).toEqual([]);

        const shot = join(tempDir('ase-browser-shot-'), `report-${scheme}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
        if (process.env.ASE_SCREENSHOT && scheme === 'light') copyFileSync(shot, process.env.ASE_SCREENSHOT);
        expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

        // Printed, the page's own @page rule decides the paper (the default would be Letter): A4 pages.
        if (scheme === 'light') {
          await page.emulateMedia({ media: 'print' });
          const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
          const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
          expect(boxes.length).toBeGreaterThan(1);
          for (const box of boxes) expect(box).toEqual([595, 842]);
        }

        expect(offPage).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      }, 120_000);
    }

    for (const scheme of ['light', 'dark'] as const) {
      it(`draws away, gap and thin days, and axe finds nothing serious there either (${scheme})`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, offline: true });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(pathToFileURL(calendar).href);
        const cells = page.locator('#coverage svg text');
        expect(await cells.filter({ hasText: 'THIN' }).count()).toBe(3);
        expect(await cells.filter({ hasText: '3 away' }).count()).toBe(3);
        expect(await page.locator('#coverage svg rect.day.gap.thin').count()).toBe(3);
        expect(await page.locator('#coverage table tbody tr').count()).toBe(9);
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      }, 120_000);
    }
  });
}
