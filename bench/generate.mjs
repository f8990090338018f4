// Generates a realistic, valid registry of N customers (comments, check-ins, history) for the benchmark.
// Deterministic: the same N gives the same files. Most customers are ended (kept for history), a few
// are active or requested, so the cap holds and lint finds no errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded PRNG so every run generates the same registry. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Tyrell',
  'Wayne',
  'Stark',
  'Wonka',
  'Soylent',
  'Cyberdyne',
  'Oscorp',
  'Gringotts',
  'Nakatomi',
  'Weyland',
  'Monarch',
  'Massive',
  'Dunder',
  'Prestige',
];
const KINDS = ['Logistics', 'Health', 'Foods', 'Robotics', 'Biotech', 'Imports', 'Fabrication', 'Systems', 'Labs', 'Media'];
const GOING = [
  'Upgrade went smoothly.',
  'Two more teams onboarded.',
  'Search latency back to normal.',
  'Fewer escalations this week.',
  'Batch changes adopted widely.',
];
const FRUSTRATIONS = ['none', 'Slow answers on the weekend.', 'Licence true-up questions.', 'A regression after the last upgrade.', 'Flaky code host sync.'];
const GOALS = [
  'Plan the next upgrade together.',
  'Roll out SSO.',
  'Expand to the data platform group.',
  'Cut P1 tickets by half.',
  'Migrate off the legacy host.',
];
const CONTEXT = [
  'Air-gapped deployment.',
  'Very large monorepo (400 GB).',
  'Runs on Kubernetes with custom ingress.',
  'Mirrors GitHub Enterprise Server 3.14.',
  'Two regions, active-passive.',
];

export const ENGINEERS = Array.from({ length: 40 }, (_, i) => `se${String(i + 1).padStart(2, '0')}`);
export const CES = Array.from({ length: 20 }, (_, i) => `ce${String(i + 1).padStart(2, '0')}`);
export const TODAY = '2026-11-28';

function pad(n, w = 5) {
  return String(n).padStart(w, '0');
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function peopleYaml() {
  const lines = ['# yaml-language-server: $schema=../schemas/people.schema.json', '# Generated roster for the benchmark.', 'people:'];
  for (const h of ENGINEERS)
    lines.push(
      `  - handle: ${h}`,
      `    name: Engineer ${h.toUpperCase()}`,
      '    roles: [support-engineer]',
      `    email: ${h}@example.com`,
      '    timezone: Europe/London',
    );
  for (const h of CES)
    lines.push(`  - handle: ${h}`, `    name: Customer Engineer ${h.toUpperCase()}`, '    roles: [customer-engineer]', `    email: ${h}@example.com`);
  lines.push('  - handle: kim', '    name: Kim Alvarez', '    roles: [cs-leadership]');
  lines.push('  - handle: leo', '    name: Leo Brandt', '    roles: [ce-leadership]');
  lines.push('  - handle: maya', '    name: Maya Iyer', '    roles: [sales-leadership]');
  return `${lines.join('\n')}\n`;
}

function configYaml(cap) {
  return [
    '# yaml-language-server: $schema=../schemas/config.schema.json',
    '# Generated for the benchmark.',
    `cap: ${cap}`,
    'max_per_engineer: 3',
    'checkin_every_days: 7',
    'checkin_grace_days: 3',
    'docs_stale_after_days: 90',
    'ends_soon_days: 14',
    'require_approvals: false',
    '',
  ].join('\n');
}

/**
 * One customer file. `status` decides the shape; `q` wraps dates in quotes (for ajv-cli, whose
 * js-yaml 3 turns plain dates into Date objects).
 */
function customerYaml(i, status, rnd, q) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const d = (s) => (q ? `'${s}'` : s);
  const eng = ENGINEERS[i % ENGINEERS.length];
  const backup = ENGINEERS[(i + 7) % ENGINEERS.length];
  const ce = CES[i % CES.length];
  const pre = i % 4 === 0;
  const temporary = i % 5 === 0;
  const requestedOn = addDays('2022-01-03', (i * 7) % 1400);
  const since = status === 'active' ? addDays(TODAY, -60 - (i % 200)) : addDays(requestedOn, 10);
  const out = [
    '# yaml-language-server: $schema=../../schemas/customer.schema.json',
    `name: ${pick(WORDS)} ${pick(KINDS)} ${pad(i)}`,
    `segment: ${pre ? 'pre-sales' : 'post-sales'}`,
    `term: ${temporary ? 'temporary' : 'long-term'}`,
  ];
  if (temporary) out.push(`ends_on: ${d(status === 'active' ? addDays(TODAY, 30 + (i % 90)) : addDays(since, 120))}`);
  out.push(`status: ${status}`);
  if (status !== 'requested' && status !== 'rejected') {
    out.push(`engineer: ${eng}`);
    if (!pre) out.push(`backup: ${backup}`);
  }
  out.push(`ce: ${ce}`, `communicated: ${!pre && status !== 'requested' && status !== 'rejected'}`);
  if (status === 'active' || status === 'ended') out.push(`since: ${d(since)}`);
  if (status === 'ended') out.push(`ended_on: ${d(addDays(since, 200 + (i % 300)))}`);
  out.push(
    'request:',
    `  by: ${ce}`,
    `  on: ${d(requestedOn)}`,
    `  reason: ${pick(['Executive sponsor asked for a named contact.', 'Frequent escalations after a migration.', 'Competitive evaluation; needs fast answers.'])}`,
  );
  if (status === 'rejected') {
    out.push('rejection:', '  by: kim', `  on: ${d(addDays(requestedOn, 5))}`, '  reason: Round-robin covers it.');
  } else {
    out.push(
      'approvals:',
      '  cs:',
      '    by: kim',
      `    on: ${d(addDays(requestedOn, 2))}`,
      '  ce:',
      '    by: leo',
      `    on: ${d(addDays(requestedOn, 3))}`,
      '  sales:',
      '    by: maya',
      `    on: ${d(addDays(requestedOn, 4))}`,
    );
  }
  out.push(`rationale: ${pick(['High-visibility account.', 'A named engineer halved time-to-answer.', 'Large deployment with a small admin team.'])}`);
  if (status === 'active' || status === 'ended') {
    const docsOn = status === 'active' ? addDays(TODAY, -(i % 60)) : addDays(since, 30);
    out.push(
      'docs:',
      `  design_doc: https://docs.example.com/customers/c${pad(i)}`,
      `  updated_on: ${d(docsOn)}`,
      `  salesforce_synced_on: ${d(addDays(docsOn, 1))}`,
    );
    out.push('# Weekly CE check-ins, oldest first.', 'checkins:');
    const count = 2 + Math.floor(rnd() * 5);
    const last = status === 'active' ? addDays(TODAY, -(i % 5)) : addDays(since, 150);
    for (let k = count - 1; k >= 0; k--) {
      out.push(
        `  - on: ${d(addDays(last, -7 * k))}`,
        `    with: ${ce}`,
        `    going_well: ${pick(GOING)}`,
        `    frustrations: ${pick(FRUSTRATIONS)}`,
        `    goals: ${pick(GOALS)}`,
        `    context: ${pick(CONTEXT)}`,
      );
    }
    out.push(
      'history:',
      `  - on: ${d(since)}`,
      '    event: assigned',
      `    engineer: ${eng}`,
      ...(pre ? [] : [`    backup: ${backup}`]),
      '    reason: request approved',
    );
    if (status === 'ended') out.push(`  - on: ${d(addDays(since, 200 + (i % 300)))}`, '    event: ended', `    engineer: ${eng}`, '    reason: contract ended');
  }
  return `${out.join('\n')}\n`;
}

/** Status of customer i: a few active and requested (cap holds), most ended, some rejected. */
export function statusOf(i, n) {
  if (i < Math.min(12, n)) return 'active';
  if (i < Math.min(40, n)) return 'requested';
  return i % 20 === 0 ? 'rejected' : 'ended';
}

/** The slug of customer i. */
export function slugOf(i) {
  return `customer-${pad(i)}`;
}

/**
 * Writes `registry/` (config, people, customers/) under `root` with `n` customers.
 * `quoteDates` writes every date quoted (for ajv-cli); `cap` sets the config cap.
 */
export function generateRegistry(root, n, { quoteDates = false, cap = 15 } = {}) {
  const dir = join(root, 'registry');
  mkdirSync(join(dir, 'customers'), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), configYaml(cap));
  writeFileSync(join(dir, 'people.yaml'), peopleYaml());
  for (let i = 0; i < n; i++) {
    const rnd = random(i + 1);
    writeFileSync(join(dir, 'customers', `${slugOf(i)}.yaml`), customerYaml(i, statusOf(i, n), rnd, quoteDates));
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, n] = process.argv.slice(2);
  if (!out || !n) {
    console.error('usage: node bench/generate.mjs <dir> <customers> [--quote-dates]');
    process.exit(2);
  }
  generateRegistry(out, Number(n), { quoteDates: process.argv.includes('--quote-dates') });
}
