/**
 * What the docs tests read of markdown: the README they check, links, headings as GitHub anchors
 * them, and example command lines. Enough markdown for our own files, not a general parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/cli.js';

/**
 * The README the docs tests hold to their rules, relative to the project root (links in it are
 * resolved from the project root).
 */
export const README = 'README.md';

/** The text of a project file. */
export function projectText(path: string): string {
  return readFileSync(join(PROJECT_ROOT, path), 'utf8');
}

/** The lines of `text` outside fenced code blocks, with inline code spans blanked out. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const opening = /^\s*(```+|~~~+)/.exec(raw);
    if (fence !== undefined) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1]!;
      return;
    }
    out.push({ line: i + 1, text: raw.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length)) });
  });
  return out;
}

export interface Link {
  line: number;
  target: string;
}

/** Inline links and images, `[text](target)` and `![alt](target)`, outside code. */
export function linksOf(text: string): Link[] {
  const links: Link[] = [];
  for (const { line, text: prose } of proseLines(text)) {
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line, target: m[1]! });
  }
  return links;
}

/** A link that leaves the repository (a web address, mail) rather than pointing into it. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/**
 * GitHub's anchor for a heading: lowercase, punctuation dropped except `-` and `_`, spaces to
 * `-`; inline code and emphasis marks and link syntax reduce to their text.
 */
export function slugOf(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the headings of `text` give (a repeated heading gets `-1`, `-2`, ... as on GitHub). */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const raw of text.split('\n')) {
    const opening = /^\s*(```+|~~~+)/.exec(raw);
    if (fence !== undefined) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!h) continue;
    const base = slugOf(h[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/**
 * Example command lines in `text`: inline code spans and lines of fenced code blocks that start
 * with `ase ` (after an optional `$ `), as their words. A span with a `<placeholder>` is a
 * synopsis, not an example, and is left out.
 */
export function examplesOf(text: string): string[][] {
  const candidates: string[] = [];
  let fence: string | undefined;
  for (const raw of text.split('\n')) {
    const opening = /^\s*(```+|~~~+)/.exec(raw);
    if (fence !== undefined) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      else candidates.push(raw);
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    for (const m of raw.matchAll(/`([^`]+)`/g)) candidates.push(m[1]!);
  }
  return candidates
    .map((c) => c.trim().replace(/^\$\s+/, ''))
    .filter((c) => c.startsWith('ase ') && !/<[^>]*>/.test(c))
    .map((c) => c.split(/\s+/));
}
