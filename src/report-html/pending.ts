/** Pending requests: who asked, how long ago, and which of the three approvals each still needs. */
import { count } from '../core/words.js';
import { compareText } from '../core/compare.js';
import { daysBetween } from '../core/dates.js';
import { APPROVERS, type Approver, type DetailedRegistry } from '../core/model.js';
import { esc } from './escape.js';

const WHO: Record<Approver, string> = { cs: 'CS leadership', ce: 'CE leadership', sales: 'Sales leadership' };

export function pendingSection(registry: DetailedRegistry, today: string): string {
  const pending = registry.customers
    .filter((c) => c.status === 'requested')
    .sort((a, b) => compareText(a.request?.on ?? '', b.request?.on ?? '') || compareText(a.slug, b.slug));
  if (pending.length === 0) return '<p>No request is waiting.</p>';
  const rows = pending.map((c) => {
    const asked = c.request ? `${c.request.on}${c.request.by ? ` by ${c.request.by}` : ''}` : '—';
    const waiting = c.request?.on ? daysBetween(c.request.on, today) : undefined;
    const cells = APPROVERS.map((a) => {
      const ok = c.approvals[a];
      return ok
        ? `<td class="ok">✔ approved by ${esc(ok.by)} on ${esc(ok.on)}</td>`
        : `<td><span class="needed">✖ needed</span> <code>ase approve ${esc(c.slug)} --as ${a}</code></td>`;
    });
    const missing = APPROVERS.filter((a) => !c.approvals[a]).length;
    return (
      `<tr><th scope="row">${esc(c.name)} <span class="sub">(${esc(c.slug)})</span><br><span class="sub">${esc([c.segment, c.term].filter(Boolean).join(', '))}</span></th>` +
      `<td>${esc(asked)}${waiting !== undefined && waiting > 0 ? `<br><span class="sub">${esc(count(waiting, 'day'))} waiting</span>` : ''}${c.request?.reason ? `<br>${esc(c.request.reason)}` : ''}</td>` +
      cells.join('') +
      `<td>${missing === 0 ? 'all approved: waiting for an engineer' : esc(`${missing} of 3 missing`)}</td></tr>`
    );
  });
  return (
    `<p>${esc(count(pending.length, 'request'))} waiting for vetting.</p>` +
    `<table><caption>Requests and the approvals they still need</caption><thead><tr><th scope="col">Customer</th><th scope="col">Requested</th>` +
    APPROVERS.map((a) => `<th scope="col">${WHO[a]}</th>`).join('') +
    `<th scope="col">Still needed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
