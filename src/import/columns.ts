/** Which registry fact a column of a hand-kept page holds, from the many names people give it. Pure. */
import { headerKey } from './cells.js';

export type ColumnField =
  | 'customer'
  | 'engineer'
  | 'backup'
  | 'ce'
  | 'segment'
  | 'term'
  | 'ends_on'
  | 'communicated'
  | 'status'
  | 'since'
  | 'ended_on'
  | 'request_by'
  | 'request_on'
  | 'rationale'
  | 'design_doc';

const ALIASES: Record<ColumnField, string[]> = {
  customer: [
    'customer',
    'customers',
    'account',
    'accounts',
    'name',
    'customer name',
    'account name',
    'company',
    'client',
    'org',
    'organisation',
    'organization',
  ],
  engineer: [
    'engineer',
    'assigned se',
    'tse',
    'se',
    'assigned engineer',
    'support engineer',
    'assigned tse',
    'assigned support engineer',
    'primary',
    'primary engineer',
    'primary se',
    'assignee',
    'named engineer',
    'last engineer',
    'owner',
  ],
  backup: ['backup', 'backup engineer', 'backup se', 'backup tse', 'secondary', 'secondary engineer', 'secondary se'],
  ce: ['ce', 'customer engineer', 'ce owner', 'customer engineer ce'],
  segment: ['type', 'kind', 'segment', 'category', 'customer type', 'assignment type'],
  term: ['term', 'duration', 'length'],
  ends_on: ['end date', 'until', 'ends', 'ends on', 'end', 'expires', 'expiry', 'temporary until', 'end of assignment'],
  communicated: ['communicated', 'told customer', 'customer told', 'customer aware', 'customer informed', 'customer knows', 'communicated to customer', 'told'],
  status: ['status', 'state'],
  since: ['since', 'start', 'start date', 'started', 'assigned on', 'assigned since'],
  ended_on: ['ended on', 'ended'],
  request_by: ['requested by', 'requester', 'raised by', 'request by'],
  request_on: ['requested on', 'request date', 'raised on', 'requested'],
  rationale: ['rationale', 'why', 'justification', 'reason', 'reasons'],
  design_doc: ['design doc', 'tdd', 'technical design doc', 'design document', 'design docs'],
};

const BY_KEY = new Map<string, ColumnField>();
for (const [field, names] of Object.entries(ALIASES) as [ColumnField, string[]][]) for (const n of names) BY_KEY.set(n, field);

/** The field a header names, or undefined for a column the import ignores. */
export function columnField(header: string): ColumnField | undefined {
  return BY_KEY.get(headerKey(header));
}

export interface ColumnMap {
  /** Column index of each field (the first column that names it). */
  fields: Partial<Record<ColumnField, number>>;
  /** Headers of columns the import ignores. */
  ignored: string[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const fields: Partial<Record<ColumnField, number>> = {};
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const f = columnField(h);
    if (f !== undefined && fields[f] === undefined) fields[f] = i;
    else if (headerKey(h) !== '') ignored.push(h.trim());
  });
  return { fields, ignored };
}
