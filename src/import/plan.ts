/**
 * Maps the tables of a hand-kept page to new customer files. Pure. It never invents a fact: what
 * the page does not say stays absent and is listed for people to fill in, and a row that cannot
 * make a valid file (no name, no kind, an unreadable end date) is reported with its line.
 */
import type { Person, Registry, Role, Segment, Status, Term } from '../core/model.js';
import { isSlug, slugify } from '../core/slug.js';
import { cellText, dateIn, segmentOf, yesNo, type CellText } from './cells.js';
import { mapColumns, type ColumnField } from './columns.js';
import { findTables, type MdTable } from './markdown-tables.js';
import { matchPerson } from './people-match.js';

export interface PlannedCustomer {
  line: number;
  slug: string;
  name: string;
  status: Status;
  /** The new file's fields, only those the page states. */
  data: Record<string, unknown>;
  /** Cells the import could not use, and why. */
  notes: string[];
  /** Facts the page did not give that people should fill in. */
  missing: string[];
}

export interface SkippedRow {
  line: number;
  name?: string;
  reason: string;
}

export interface ImportPlan {
  customers: PlannedCustomer[];
  skipped: SkippedRow[];
  /** Tables read (those with a customer column). */
  tables: number;
  /** Headers of columns no registry field matches. */
  ignoredColumns: string[];
}

function statusOf(text: string): Status | undefined {
  const t = text.toLowerCase();
  if (/\b(reject|declin|denied)/.test(t)) return 'rejected';
  if (/\b(ended|former|inactive|closed|past|previous|offboarded|finished)\b/.test(t)) return 'ended';
  if (/\b(pending|request|proposed|in review|awaiting|waiting|planned)/.test(t)) return 'requested';
  if (/\b(active|assigned|current|live|ongoing)\b/.test(t)) return 'active';
  return undefined;
}

function termOf(text: string): Term | undefined {
  const t = text.toLowerCase();
  if (/\btemp/.test(t)) return 'temporary';
  if (/\b(long|perman|ongoing|indefinite|open[- ]ended)/.test(t)) return 'long-term';
  return undefined;
}

class RowReader {
  readonly notes: string[] = [];
  constructor(
    private readonly table: MdTable,
    private readonly cells: readonly string[],
    private readonly fields: Partial<Record<ColumnField, number>>,
    private readonly people: readonly Person[],
    private readonly roster: string,
  ) {}

  header(f: ColumnField): string {
    return this.table.headers[this.fields[f]!]!.trim();
  }

  cell(f: ColumnField): CellText {
    const i = this.fields[f];
    return i === undefined ? { text: '' } : cellText(this.cells[i] ?? '');
  }

  person(f: ColumnField, role: Role | undefined): string | undefined {
    const { text } = this.cell(f);
    if (text === '') return undefined;
    const m = matchPerson(text, this.people, role, this.roster);
    if ('handle' in m) return m.handle;
    this.notes.push(`${this.header(f)}: ${m.problem}; left out`);
    return undefined;
  }

  date(f: ColumnField): string | undefined {
    const { text } = this.cell(f);
    if (text === '') return undefined;
    const d = dateIn(text);
    if (d !== undefined && d !== 'ambiguous') return d;
    this.notes.push(`${this.header(f)}: "${text}" is not a date ase can read (write YYYY-MM-DD); left out`);
    return undefined;
  }
}

/** Plans the import of `page` into `registry` (whose roster names people). */
export function planImport(page: string, registry: Registry): ImportPlan {
  const plan: ImportPlan = { customers: [], skipped: [], tables: 0, ignoredColumns: [] };
  const taken = new Map<string, number>();
  for (const c of registry.customers) taken.set(c.slug, 0);
  for (const table of findTables(page)) {
    const { fields, ignored } = mapColumns(table.headers);
    if (fields.customer === undefined) continue;
    plan.tables++;
    for (const h of ignored) if (!plan.ignoredColumns.includes(h)) plan.ignoredColumns.push(h);
    for (const row of table.rows) {
      const out = planRow(table, row.cells, fields, registry, taken);
      if (out === undefined) continue;
      if ('reason' in out) plan.skipped.push({ line: row.line, ...out });
      else {
        plan.customers.push({ line: row.line, ...out });
        taken.set(out.slug, row.line);
      }
    }
  }
  return plan;
}

type RowResult = Omit<PlannedCustomer, 'line'> | { name?: string; reason: string } | undefined;

function planRow(
  table: MdTable,
  cells: readonly string[],
  fields: Partial<Record<ColumnField, number>>,
  registry: Registry,
  taken: Map<string, number>,
): RowResult {
  if (cells.every((c) => cellText(c).text === '')) return undefined;
  const r = new RowReader(table, cells, fields, registry.people, registry.files.people);
  const name = r.cell('customer').text;
  if (name === '') return { reason: 'no customer name' };
  const slug = slugify(name);
  if (!isSlug(slug)) return { name, reason: `cannot make a file name from "${name}"` };
  if (taken.has(slug)) {
    const line = taken.get(slug)!;
    return { name, reason: line === 0 ? `${slug} is already in the registry; not changed` : `same customer as line ${line}; only the first row is imported` };
  }

  const segmentCell = r.cell('segment').text;
  const segment: Segment | undefined = segmentOf(segmentCell) ?? (segmentCell === '' ? segmentOf(table.heading) : undefined);
  if (segment === undefined) {
    return {
      name,
      reason:
        segmentCell === ''
          ? 'the page does not say whether it is post-sales (strategic) or pre-sales; add a Type column or fill it in'
          : `"${segmentCell}" is neither post-sales (strategic) nor pre-sales`,
    };
  }

  const termText = r.cell('term').text;
  const endCell = r.cell('ends_on').text || termText;
  const endFound = endCell === '' ? undefined : dateIn(endCell);
  if (endFound === 'ambiguous') return { name, reason: `end date "${endCell}" is ambiguous; write it as YYYY-MM-DD` };
  if (r.cell('ends_on').text !== '' && endFound === undefined && termOf(r.cell('ends_on').text) === undefined) {
    return { name, reason: `end date "${r.cell('ends_on').text}" is not a date ase can read; write it as YYYY-MM-DD` };
  }
  const endsOn = endFound;
  const saidTerm = termOf(termText) ?? termOf(r.cell('ends_on').text);
  if (saidTerm === 'temporary' && endsOn === undefined) return { name, reason: 'temporary, but the page gives no end date; add one (YYYY-MM-DD)' };
  const term: Term = endsOn !== undefined ? 'temporary' : (saidTerm ?? 'long-term');
  if (saidTerm === 'long-term' && endsOn !== undefined) r.notes.push(`says long-term but has an end date (${endsOn}); imported as temporary`);

  let engineer = r.person('engineer', 'support-engineer');
  let backup = r.person('backup', 'support-engineer');
  const ce = r.person('ce', 'customer-engineer');
  const requestBy = r.person('request_by', undefined);
  const requestOn = r.date('request_on');
  const since = r.date('since');
  const endedOn = r.date('ended_on');
  let communicated = ((): boolean | undefined => {
    const { text } = r.cell('communicated');
    if (text === '') return undefined;
    const v = yesNo(text);
    if (v === undefined) r.notes.push(`${r.header('communicated')}: "${text}" is neither yes nor no; left out`);
    return v;
  })();
  const statusCell = r.cell('status').text;
  let status: Status | undefined = statusCell === '' ? undefined : statusOf(statusCell);
  if (statusCell !== '' && status === undefined)
    r.notes.push(`${r.header('status')}: "${statusCell}" is not a status ase knows; worked out from the other columns`);
  status ??= statusOf(table.heading) ?? (endedOn !== undefined ? 'ended' : engineer !== undefined ? 'active' : 'requested');

  if (segment === 'pre-sales' && backup !== undefined) {
    r.notes.push(`pre-sales assignments have no backup: ${backup} left out`);
    backup = undefined;
  }
  if (segment === 'pre-sales' && communicated === true) {
    r.notes.push('pre-sales assignments are never communicated: the page says they were; left out, please check');
    communicated = undefined;
  }
  if (backup !== undefined && backup === engineer) {
    r.notes.push(`backup is the engineer (${backup}): backup left out`);
    backup = undefined;
  }
  const inactive = (h: string | undefined) => h !== undefined && registry.people.find((p) => p.handle === h)?.active === false;
  if (status === 'ended' || status === 'rejected') {
    if (engineer !== undefined || backup !== undefined)
      r.notes.push(`${status}: engineer and backup are not kept on a closed customer (${[engineer, backup].filter(Boolean).join(', ')})`);
    engineer = undefined;
    backup = undefined;
  }
  if (status === 'active') {
    if (inactive(backup)) {
      r.notes.push(`backup ${backup} is inactive in ${registry.files.people}; left out`);
      backup = undefined;
    }
    const why =
      engineer === undefined
        ? 'no engineer named'
        : inactive(engineer)
          ? `engineer ${engineer} is inactive in ${registry.files.people}`
          : segment === 'post-sales' && backup === undefined
            ? `engineer ${engineer} but no backup`
            : undefined;
    if (why !== undefined) {
      r.notes.push(
        `${why}: imported as requested; make it active with \`ase assign ${slug} --engineer <handle>${segment === 'post-sales' ? ' --backup <handle>' : ''}\``,
      );
      status = 'requested';
    }
  }

  const rationale = r.cell('rationale').text;
  const doc = r.cell('design_doc');
  if (doc.text !== '' && doc.url === undefined) r.notes.push(`${r.header('design_doc')}: "${doc.text}" is not a link; left out`);
  const data: Record<string, unknown> = { name, segment, term };
  if (endsOn !== undefined) data.ends_on = endsOn;
  data.status = status;
  if (engineer !== undefined) data.engineer = engineer;
  if (backup !== undefined) data.backup = backup;
  if (ce !== undefined) data.ce = ce;
  if (communicated !== undefined) data.communicated = communicated;
  if (since !== undefined && status === 'active') data.since = since;
  if (endedOn !== undefined && status === 'ended') data.ended_on = endedOn;
  if (requestBy !== undefined && requestOn !== undefined) data.request = { by: requestBy, on: requestOn, ...(rationale ? { reason: rationale } : {}) };
  else if (rationale !== '') data.rationale = rationale;
  if (doc.url !== undefined) data.docs = { design_doc: doc.url };

  const missing: string[] = [];
  if (status === 'active' || status === 'requested') {
    if (ce === undefined) missing.push('ce');
    if (data.request === undefined) missing.push('request (by, on)');
    missing.push('approvals (cs, ce, sales)');
  }
  if (status === 'active') {
    if (data.since === undefined) missing.push('since');
    if (segment === 'post-sales' && communicated === undefined) missing.push('communicated');
    if (doc.url === undefined) missing.push('docs.design_doc');
  }
  if (status === 'ended' && endedOn === undefined) missing.push('ended_on');
  return { slug, name, status, data, notes: r.notes, missing };
}
