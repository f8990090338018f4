/** The HTML report as a pure function of the registry, today, the findings and the coverage days. */
import { describe, expect, it } from 'vitest';
import { coverageSection } from '../../src/report-html/coverage-calendar.js';
import { coverageDays } from '../../src/report-html/coverage-days.js';
import { SECTIONS } from '../../src/report-html/page.js';
import { customerPeriods } from '../../src/report-html/periods.js';
import { timelineSection } from '../../src/report-html/timeline.js';
import { pendingSection } from '../../src/report-html/pending.js';
import { capSection, capUsage } from '../../src/report-html/cap-gauge.js';
import { workloadSection } from '../../src/report-html/workload.js';
import type { CoverageDay } from '../../src/report-html/types.js';
import { resourceReferences, sampleRegistry, sampleReport, SAMPLE_TODAY } from './sample.js';

describe('the report page', () => {
  const html = sampleReport();

  it('has every section with its heading, in order, and one h1', () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const ids = [...html.matchAll(/<section id="([\w-]+)" aria-labelledby="\1-h">\n<h2 id="\1-h">/g)].map((m) => m[1]);
    expect(ids).toEqual(SECTIONS.map(([id]) => id));
  });

  it('is the same bytes for the same registry and today, and changes with today', () => {
    expect(sampleReport()).toBe(html);
    expect(sampleReport('2026-11-29')).not.toBe(html);
  });

  it('loads nothing: no script, no external resource, only same-page url(#...) references', () => {
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|@font-face/i);
    const refs = resourceReferences(html);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r).toMatch(/^url\(#p-[a-z]+\)$|^<\w+ href="#[\w-]+">$/);
    // Links to design docs stay as <a href>: the only http(s) in the page.
    const http = [...html.matchAll(/https?:\/\/[^"<\s]*/g)];
    expect(http.length).toBeGreaterThan(0);
    for (const m of http) expect(html.slice(Math.max(0, m.index! - 9), m.index)).toBe('<a href="');
  });

  it('is small, prints on A4 and follows the light or dark scheme', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).toContain('@media print');
  });

  it('gives every chart role="img", a label, and a table or list after it', () => {
    const charts = [...html.matchAll(/<svg class="chart" role="img" aria-label="([^"]+)"/g)];
    expect(charts).toHaveLength(4);
    for (const section of SECTIONS.map(([id]) => id).filter((id) => id !== 'attention' && id !== 'pending')) {
      const body = html.slice(html.indexOf(`<section id="${section}"`), html.indexOf('</section>', html.indexOf(`<section id="${section}"`)));
      expect(body, section).toMatch(/role="img" aria-label="[^"]{20,}"/);
      expect(body, section).toMatch(/<table>|<ul class="legend">.*<p>/s);
    }
  });

  it('lists the same attention items as ase status', () => {
    expect(html).toContain('check-in overdue · Cyberdyne Systems (cyberdyne)');
    expect(html).toContain('overloaded · Farah Haddad (farah)');
    expect(html).toContain('<code>ase checkin cyberdyne</code>');
  });
});

describe('the charts', () => {
  const registry = sampleRegistry();

  it('cap gauge: used, free and over the cap, in words too', () => {
    const within = capSection({ post: 7, pre: 2, other: 0, used: 9, limit: 15 });
    expect(within).toContain('9 of 15 active assignments (6 free)');
    const over = capSection({ post: 14, pre: 3, other: 0, used: 17, limit: 15 });
    expect(over).toContain('17 of 15 active assignments (2 over the cap)');
    expect(over).toContain('Over the cap (red, hatched)');
    expect(capUsage(registry)).toEqual({ post: 7, pre: 2, other: 0, used: 9, limit: 15 });
  });

  it('workload marks the overloaded and the away in words', () => {
    const out = workloadSection(registry, new Set(['amara']));
    expect(out).toContain('1 primary, 0 backup · OVERLOADED');
    expect(out).toContain('2 primary, 1 backup · AWAY TODAY');
    expect(out).toContain('Overloaded: farah. Away today: amara');
    expect(out).toContain('max 3');
  });

  it('timeline: one bar per period, transitions marked with their reason in a <title>', () => {
    const out = timelineSection(registry, SAMPLE_TODAY);
    expect(out).toContain(
      '<title>2026-04-01: transition to chen (backup dara), reason: leave (Gus on extended leave; Chen took over with a two-week overlap.)</title>',
    );
    expect(out).toContain('<title>2026-08-31: assignment ended, reason: Migration complete; back to round-robin.</title>');
    // Colours by roster order, with a legend naming each engineer.
    expect(out).toMatch(/<rect class="bar e2"[^>]*\/><text class="on-bar"[^>]*>chen</);
    expect(out).toContain('<span class="swatch e0" aria-hidden="true"></span>Amara Okafor (amara)');
    // Customers whose assignment started and ended before the window are not drawn.
    expect(out).not.toContain('Vandelay');
  });

  it('periods come from history: transitions split, an end closes, a running one lasts till today', () => {
    const globex = registry.customers.find((c) => c.slug === 'globex')!;
    expect(customerPeriods(globex, SAMPLE_TODAY).periods.map((p) => [p.engineer, p.from, p.to])).toEqual([
      ['gus', '2024-09-10', '2026-04-01'],
      ['chen', '2026-04-01', SAMPLE_TODAY],
    ]);
    const hooli = registry.customers.find((c) => c.slug === 'hooli')!;
    expect(customerPeriods(hooli, SAMPLE_TODAY).periods.at(-1)!.to).toBe('2026-08-31');
  });

  it('pending requests show each approval given or still needed', () => {
    const out = pendingSection(registry, SAMPLE_TODAY);
    expect(out).toContain('2 requests waiting for vetting.');
    expect(out).toMatch(/Soylent Foods.*✔ approved by kim on 2026-11-20.*✖ needed<\/span> <code>ase approve soylent-foods --as ce<\/code>/s);
  });

  it('escapes names and keeps only http(s) design-doc links', () => {
    const evil = sampleRegistry();
    const c = evil.customers.find((x) => x.slug === 'initech')!;
    c.name = '<script>alert(1)</script>';
    c.docs.design_doc = 'javascript:alert(1)';
    const out = timelineSection(evil, SAMPLE_TODAY);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('javascript:');
  });
});

describe('the coverage calendar', () => {
  const days: CoverageDay[] = coverageDays(sampleRegistry(), '2026-12-02', '2026-12-15');
  days[5] = { date: '2026-12-07', away: ['amara', 'bruno', 'chen'], gaps: ['initech'], thin: true };
  days[6] = { date: '2026-12-08', away: ['amara'], gaps: [], thin: false };
  const out = coverageSection(days, '2026-12-02', 2);

  it('starts on the Monday of the first week, blanks the days outside the range, outlines today', () => {
    expect(out.match(/class="day out"/g)).toHaveLength(2 + 5); // Mon-Tue before, Wed-Sun after
    expect(out).toContain('2 Dec · today');
    expect(out.match(/class="today"/g)).toHaveLength(1);
  });

  it('marks away days, gaps and thin days with a pattern and in words', () => {
    expect(out).toContain('class="day away gap thin"');
    expect(out).toContain('<title>2026-12-07: away: amara, bruno, chen; coverage gap: initech; team thin</title>');
    expect(out).toMatch(/>3 away<.*>1 gap<.*>THIN</s);
    expect(out).toContain('fill="url(#p-dots)"');
    expect(out).toContain('fill="url(#p-hatch)"');
    expect(out).toContain('<tr><th scope="row" class="d">2026-12-08</th><td>amara</td><td>—</td><td>—</td></tr>');
    expect(out).toContain('2 days with someone away, 1 day with a coverage gap, 1 thin day from 2026-12-02 to 2026-12-15.');
    expect(out).toMatch(/role="img" aria-label="Coverage calendar, 2 weeks: 2 days with someone away/);
  });

  it('says so when nothing is planned', () => {
    const quiet = coverageSection(coverageDays(sampleRegistry(), '2026-12-02', '2026-12-15'), '2026-12-02', 2);
    expect(quiet).toContain('<p>Nobody is away from 2026-12-02 to 2026-12-15, and every active customer has a handler every day.</p>');
  });
});
