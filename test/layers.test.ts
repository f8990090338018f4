/** Arrows point down: the registry reader and the write path never import the command line's entry layer. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/cli.js';

const sources = (dir: string): string[] =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

describe('layers', () => {
  it('src/registry and src/write import nothing from src/cli', () => {
    const offenders = ['src/registry', 'src/write'].flatMap(sources).filter((f) => /from '(\.\.\/)+cli\//.test(readFileSync(join(PROJECT_ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
