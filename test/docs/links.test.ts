/** Every relative link in the README and docs/ leads to a file, and every #anchor to a heading, that exists. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { anchorsOf, isExternal, linksOf, projectText, README, slugOf } from './markdown.js';

/** The markdown files held to these rules: the README and docs/*.md. */
function checkedFiles(): string[] {
  const docs = existsSync(join(PROJECT_ROOT, 'docs'))
    ? readdirSync(join(PROJECT_ROOT, 'docs'))
        .filter((n) => n.endsWith('.md'))
        .map((n) => `docs/${n}`)
    : [];
  return [README, ...docs.filter((d) => d !== README)];
}

/** The folder a file's relative links start from: the project root for the README, wherever it is kept. */
function baseOf(file: string): string {
  return file === README ? PROJECT_ROOT : dirname(join(PROJECT_ROOT, file));
}

/** The project file a link resolves to; README.md means the README under test. */
function fileOf(abs: string): string {
  const rel = relative(PROJECT_ROOT, abs).split('\\').join('/');
  return rel === 'README.md' ? README : rel;
}

/** What is wrong with one link of `file`, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const abs = path === '' ? join(PROJECT_ROOT, file) : resolve(baseOf(file), path);
  const into = relative(PROJECT_ROOT, abs);
  if (into.startsWith('..')) return `leads outside the repository (${into})`;
  const linked = path === '' ? file : fileOf(abs);
  if (!existsSync(join(PROJECT_ROOT, linked))) return `no file ${linked}`;
  if (anchor === undefined) return undefined;
  if (statSync(join(PROJECT_ROOT, linked)).isDirectory() || !linked.endsWith('.md')) return `#${anchor} on ${linked}, which has no headings`;
  return anchorsOf(projectText(linked)).has(anchor) ? undefined : `no heading in ${linked} gives #${anchor}`;
}

describe('links in the README and docs/', () => {
  it('anchors headings as GitHub does', () => {
    expect(slugOf('`ase diff --format json`')).toBe('ase-diff---format-json');
    expect(slugOf('`ase show <slug> --json`')).toBe('ase-show-slug---json');
    expect(slugOf('What ase guarantees, and what it does not')).toBe('what-ase-guarantees-and-what-it-does-not');
    expect(slugOf('CI: checking registry pull requests')).toBe('ci-checking-registry-pull-requests');
    expect([...anchorsOf('# A\n```\n# not a heading\n```\n## A\n')]).toEqual(['a', 'a-1']);
  });

  it('the README is at most 300 lines', () => {
    const text = projectText(README);
    expect(text.split('\n').length - (text.endsWith('\n') ? 1 : 0), README).toBeLessThanOrEqual(300);
  });

  it('every relative link leads to a file or folder that exists, and every #anchor to a heading in it', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of checkedFiles()) {
      for (const link of linksOf(projectText(file))) {
        if (isExternal(link.target)) continue;
        checked++;
        const why = brokenLink(file, link.target);
        if (why) broken.push(`${file}:${link.line}: (${link.target}) ${why}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('each docs/ page opens by saying who it is for', () => {
    for (const file of checkedFiles().filter((f) => f.startsWith('docs/') && f !== README)) {
      const firstParagraph = projectText(file)
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n')
        .trim()
        .split('\n\n')[0]!;
      expect(firstParagraph, file).toMatch(/^For /);
    }
  });
});
