/** Reads the values people write in table cells: formatting stripped, dates, yes/no, kinds. Pure. */
import { isDate } from '../core/dates.js';
import type { Segment } from '../core/model.js';

export interface CellText {
  /** Plain text: links, bold, code and HTML removed; '' when the cell says nothing. */
  text: string;
  /** The first link target in the cell, if any. */
  url?: string;
}

const EMPTY = new Set(['', '-', '--', '—', '–', 'n/a', 'na', 'none', 'tbd', 'tba', '?', '??', 'unknown', 'nil']);

/** Plain text of a markdown cell. */
export function cellText(raw: string): CellText {
  let url: string | undefined;
  let text = raw.replace(/!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, label: string, target: string) => {
    url ??= target;
    return label;
  });
  text = text.replace(/<((?:https?|mailto):[^>]+)>/g, (_m, target: string) => {
    url ??= target;
    return target;
  });
  text = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(\S(?:.*?\S)?)\2(?=[^\w*]|$)/g, '$1$3')
    .replace(/~~(.*?)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (url === undefined) {
    const bare = /https?:\/\/\S+/.exec(text);
    if (bare) url = bare[0];
  }
  return { text: EMPTY.has(text.toLowerCase()) ? '' : text, ...(url !== undefined ? { url } : {}) };
}

/** A header as a comparable key: "Assigned SE*" -> "assigned se". */
export function headerKey(raw: string): string {
  return cellText(raw)
    .text.toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** yes/no in any case and the usual variants; undefined when the cell says neither. */
export function yesNo(text: string): boolean | undefined {
  const t = text.toLowerCase().replace(/[.!]$/, '').trim();
  if (['yes', 'y', 'true', '✓', '✔', '✅', '✔️', 'done', 'told', 'communicated'].includes(t)) return true;
  if (['no', 'n', 'false', '✗', '✘', '❌', 'not yet', 'internal', 'internal only', 'never'].includes(t)) return false;
  if (/^yes\b/.test(t)) return true;
  if (/^no\b/.test(t)) return false;
  return undefined;
}

/** post-sales (strategic) or pre-sales from what people write; undefined when unclear. */
export function segmentOf(text: string): Segment | undefined {
  const t = text.toLowerCase();
  const pre = /\bpre[\s-]?sales?\b|\bpresales?\b/.test(t);
  const post = /\bpost[\s-]?sales?\b|\bpostsales?\b|\bstrategic\b/.test(t);
  if (pre && !post) return 'pre-sales';
  if (post && !pre) return 'post-sales';
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isDate(s) ? s : undefined;
}

/**
 * The one unambiguous date in `text` (2027-01-31, 2027/01/31, 31 Jan 2027, Jan 31, 2027),
 * `undefined` when there is none, or 'ambiguous' for forms like 01/02/2027.
 */
export function dateIn(text: string): string | 'ambiguous' | undefined {
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'ambiguous';
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m && MONTHS.includes(m[2]!.slice(0, 3).toLowerCase()))
    return ymd(Number(m[3]), MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1])) ?? 'ambiguous';
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase()))
    return ymd(Number(m[3]), MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2])) ?? 'ambiguous';
  if (/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/.test(text)) return 'ambiguous';
  return undefined;
}
