import type { NodePath } from '../findings.js';
import { APPROVERS, APPROVER_ROLE, type Customer, type Role } from '../model.js';
import { defineRule, type CustomerContext, type RuleContext, type RuleFinding } from './rule.js';
import { timeOffOf, timeOffPath } from '../coverage.js';
import { quote } from '../words.js';

interface HandleUse {
  handle: string;
  path: NodePath;
  as: string;
  role?: Role;
  /** The person must still be active (current engineer or backup of an active customer). */
  mustBeActive?: boolean;
}

function uses(c: Customer): HandleUse[] {
  const current = c.status === 'active';
  const out: HandleUse[] = [];
  const add = (handle: string | undefined, use: Omit<HandleUse, 'handle'>) => {
    if (handle !== undefined) out.push({ handle, ...use });
  };
  add(c.engineer, { path: ['engineer'], as: 'engineer', role: 'support-engineer', mustBeActive: current });
  add(c.backup, { path: ['backup'], as: 'backup', role: 'support-engineer', mustBeActive: current });
  add(c.ce, { path: ['ce'], as: 'CE', role: 'customer-engineer' });
  add(c.request?.by, { path: ['request', 'by'], as: 'requester' });
  add(c.rejection?.by, { path: ['rejection', 'by'], as: 'rejecter' });
  for (const a of APPROVERS) {
    add(c.approvals[a]?.by, { path: ['approvals', a, 'by'], as: `${a} approver`, role: APPROVER_ROLE[a] });
  }
  c.checkins.forEach((x, i) => add(x.with || undefined, { path: ['checkins', i, 'with'], as: 'check-in participant' }));
  c.history.forEach((h, i) => {
    add(h.engineer, { path: ['history', i, 'engineer'], as: 'engineer in history' });
    add(h.backup, { path: ['history', i, 'backup'], as: 'backup in history' });
  });
  return out;
}

function problem(ctx: CustomerContext, use: HandleUse): string | undefined {
  const person = ctx.people.get(use.handle);
  const roster = ctx.registry.files.people;
  if (!person) return `unknown person ${quote(use.handle)} as ${use.as}: add them to ${roster} or fix the handle`;
  if (use.role && !person.roles.includes(use.role)) {
    return `${quote(use.handle)} is ${use.as} but does not have the ${use.role} role in ${roster}: add the role or name someone who has it`;
  }
  if (use.mustBeActive && !person.active) {
    return `${quote(use.handle)} is ${use.as} but is marked inactive in ${roster}: hand over with \`ase transition\``;
  }
  return undefined;
}

/** Every handle must be in the roster, with the role its place needs. */
export const unknownPerson = defineRule({
  code: 'unknown-person',
  severity: 'error',
  customer(c, ctx) {
    const findings: RuleFinding[] = [];
    for (const use of uses(c)) {
      const message = problem(ctx, use);
      if (message) {
        findings.push({ file: c.file, path: use.path, subject: { slug: c.slug }, message });
      }
    }
    return findings;
  },
  across: timeOffPeople,
});

/**
 * Time off names support engineers: the person away and each cover must be on the roster with
 * that role, and active for time off not yet over (a past entry of someone who left stays history).
 */
function timeOffPeople(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const file = timeOffPath(ctx.registry.files);
  for (const e of timeOffOf(ctx.registry)) {
    const current = e.to >= ctx.today;
    const check = (handle: string, path: NodePath, as: string) => {
      const message = problem(ctx, { handle, path, as, role: 'support-engineer', mustBeActive: current });
      if (message) findings.push({ file, path, subject: { handle }, message: message.replace('hand over with `ase transition`', 'name someone active') });
    };
    check(e.handle, ['time_off', e.index, 'handle'], `away from ${e.from} in ${file}`);
    for (const [slug, cover] of Object.entries(e.cover)) check(cover, ['time_off', e.index, 'cover', slug], `cover for ${slug}`);
  }
  return findings;
}
