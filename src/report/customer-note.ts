/** `ase note`: a short plain-text note about one customer for the ticketing tool. No colour, ever. */
import type { Customer, Person } from '../core/model.js';
import { compareText } from '../core/compare.js';
import type { Handling } from '../core/coverage.js';

function who(handle: string | undefined, people: ReadonlyMap<string, Person>): string {
  if (!handle) return 'none';
  const p = people.get(handle);
  return p ? `${p.name} (@${handle})` : `@${handle}`;
}

function rationaleText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim() || undefined;
  if (raw && typeof raw === 'object') {
    const why = (raw as { why?: unknown }).why;
    return typeof why === 'string' ? why.trim() || undefined : undefined;
  }
  return undefined;
}

/** One line per fact; what is special comes from the rationale, the environment and the latest check-in. */
export function customerNote(c: Customer, people: ReadonlyMap<string, Person>, today?: Handling): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${value.replace(/\s+/g, ' ').trim()}`);
  };
  lines.push(`${c.name} (${c.slug}) has an assigned support engineer${c.segment === 'pre-sales' ? ' (internal only)' : ''}`);
  if (c.status !== 'active') lines[0] = `${c.name} (${c.slug}): assignment ${c.status ?? 'unknown'}, no assigned engineer now`;
  const kind = c.segment === 'pre-sales' ? 'pre-sales' : c.segment === 'post-sales' ? 'post-sales (strategic)' : undefined;
  add('Segment', kind && `${kind}, ${c.term === 'temporary' ? `temporary until ${c.ends_on ?? '?'}` : (c.term ?? 'term unknown')}`);
  if (c.status === 'active') {
    add('Engineer', who(c.engineer, people));
    if (c.segment !== 'pre-sales') add('Backup', who(c.backup, people));
    // Time off: whoever takes the tickets today when the engineer cannot.
    if (today && today.handler?.role !== 'engineer') {
      const until = today.chain[0]?.away?.to;
      const away = `${c.engineer ?? 'the engineer'} is away${until ? ` until ${until}` : ''}`;
      add(
        `Today (${today.on})`,
        today.handler ? `${who(today.handler.handle, people)} takes tickets as ${today.handler.role}; ${away}` : `nobody named (${away}): round-robin`,
      );
    }
  }
  add('CE', c.ce && who(c.ce, people));
  if (c.segment === 'pre-sales') lines.push('Communicated: no. Internal only — do not tell the customer.');
  else if (c.status === 'active') {
    add(
      'Communicated',
      c.communicated
        ? 'yes, the customer knows their engineer'
        : `not yet — the customer does not know ${c.engineer ? `@${c.engineer}` : 'their engineer'} yet: do not name the engineer to the customer until told (\`ase told ${c.slug}\`)`,
    );
  }
  add('Why', rationaleText(c.raw.rationale) ?? c.request?.reason);
  add('Environment', [c.environment?.note, c.environment?.link].filter(Boolean).join(' — ') || undefined);
  const last = [...c.checkins].sort((a, b) => compareText(a.on, b.on)).at(-1);
  if (last?.context) add(`Context (check-in ${last.on})`, last.context);
  if (last?.goals) add('Current goals', last.goals);
  add('Design doc', c.docs.design_doc);
  return `${lines.join('\n')}\n`;
}
