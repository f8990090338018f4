/** `ase report` through the built CLI: the sample's page, checked by html-validate; usage errors. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { ase, PROJECT_ROOT } from '../helpers/cli.js';
import { sampleRepo, tempDir } from '../helpers/repo.js';
import { resourceReferences } from './sample.js';

describe('ase report', () => {
  // Test folders are removed after each test: each test makes its own copy of the sample.
  it('writes the sample registry as one page, and the same bytes again', () => {
    const repo = sampleRepo();
    const out = join(tempDir('ase-report-'), 'report.html');
    const first = ase(['report', '--out', out], { cwd: repo });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*report\.html \(\d+ KB\): the registry on 2026-11-28, coverage for 6 weeks\n$/);
    const html = readFileSync(out, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const again = ase(['report', '--out', '-'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(html);
    expect(readdirSync(join(out, '..'))).toEqual(['report.html']); // no temp file left behind
  });

  it('passes html-validate (the project config, html-validate:recommended)', async () => {
    const repo = sampleRepo();
    const html = ase(['report', '--out', '-'], { cwd: repo }).stdout;
    const config = JSON.parse(readFileSync(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8'));
    const report = await new HtmlValidate(config).validateString(html, 'report.html');
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(problems).toEqual([]);
    expect(report.valid).toBe(true);
    // The checker does catch what the page must not have.
    const broken = await new HtmlValidate(config).validateString(html.replace('<main>', '<main><div style="color:red"><p>x</div>'), 'broken.html');
    expect(broken.valid).toBe(false);
  });

  it('lists every item of `ase status`, in the same order', () => {
    const repo = sampleRepo();
    const html = ase(['report', '--out', '-'], { cwd: repo }).stdout;
    const items = JSON.parse(ase(['status', '--json'], { cwd: repo }).stdout).items as { message: string }[];
    expect(items.length).toBeGreaterThan(5);
    const text = (m: string) =>
      m
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/`([^`]*)`/g, '<code>$1</code>');
    const at = items.map((i) => html.indexOf(text(i.message)));
    expect(at.every((n) => n > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html.match(/<li class="(error|warning|info)"><span class="sev">/g)).toHaveLength(items.length);
  });

  it('references no http(s) resource', () => {
    const repo = sampleRepo();
    const html = ase(['report', '--out', '-'], { cwd: repo }).stdout;
    expect(resourceReferences(html).filter((r) => /https?:/i.test(r))).toEqual([]);
  });

  it('--weeks sets the calendar length', () => {
    const repo = sampleRepo();
    const html = ase(['report', '--weeks', '2', '--out', '-'], { cwd: repo }).stdout;
    expect(html).toContain(
      'aria-label="Coverage calendar, 2 weeks: 10 days with someone away, 5 days with a coverage gap, 0 thin days from 2026-11-28 to 2026-12-11',
    );
  });

  it('needs --out, and a whole number of weeks: usage errors (exit 2) that say what to do, nothing written', () => {
    const repo = sampleRepo();
    const none = ase(['report'], { cwd: repo });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('ase: ase report needs --out <file.html>\nhint: for example `ase report --out report.html` (or `--out -` for standard output)\n');
    for (const w of ['0', '53', '1.5', 'six']) {
      const bad = ase(['report', '--weeks', w, '--out', join(repo, 'x.html')], { cwd: repo });
      expect(bad.code, w).toBe(2);
      expect(bad.stderr).toContain(`--weeks "${w}" is not a whole number of weeks from 1 to 52`);
    }
    expect(existsSync(join(repo, 'x.html'))).toBe(false);
  });

  it('a folder that does not exist is an environment failure (exit 3)', () => {
    const repo = sampleRepo();
    const r = ase(['report', '--out', join(repo, 'no', 'such', 'dir', 'r.html')], { cwd: repo });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ase: cannot write .*r\.html: ENOENT\nhint: check that the folder exists and is writable\n$/);
  });
});
