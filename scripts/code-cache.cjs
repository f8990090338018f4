// Writes the V8 code cache of every bundle in a freshly built dist folder (read by bin/ase).
// A cache made right after compiling holds little more than each bundle's top level, so this
// first runs ase's commands once, in this process, on a copy of the sample registry: the cache
// then also holds the functions a real run compiles, which about doubles what it saves `ase list`.
// Usage, from scripts/build.mjs: node scripts/code-cache.cjs <dist folder>. V8 takes a cache
// only under the V8 flags it was made with: run it without Node options; requiring bin/ase sets
// the flags a real run sets.
'use strict';
const { execFileSync } = require('node:child_process');
const { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { load, scripts, cacheHeader } = require('../bin/ase');

const root = join(__dirname, '..');
const dist = process.argv[2];
const bundles = readdirSync(dist, { recursive: true })
  .filter((f) => f.endsWith('.cjs'))
  .map((f) => join(dist, f));

/** Every command, with arguments that let it run through on the sample (writes only as --dry-run). */
const RUNS = [
  ['list'], // the first run reads and checks every file: the lint cache is empty
  ['list'],
  ['show', 'cyberdyne'],
  ['status'],
  ['lint'],
  ['engineers'],
  ['render', '--check'],
  ['note', 'cyberdyne'],
  ['who', 'initech'],
  ['who'],
  ['away'],
  ['away', 'bruno', '--from', '2026-12-21', '--cover', 'initech=chen', '--dry-run'],
  ['history', 'cyberdyne'],
  ['diff'],
  ['verify'],
  ['codeowners', '--check'],
  ['request', 'newco', '--name', 'New Co', '--segment', 'post-sales', '--ce', 'hana', '--by', 'kim', '--reason', 'Many escalations', '--term', 'long-term', '--dry-run'],
  ['approve', 'soylent-foods', '--as', 'ce', '--by', 'leo', '--evidence', 'https://chat.example.com/archives/C01/p1', '--dry-run'],
  ['reject', 'tyrell-robotics', '--by', 'kim', '--reason', 'Round-robin covers it', '--dry-run'],
  ['assign', 'tyrell-robotics', '--engineer', 'bruno', '--backup', 'amara', '--dry-run'],
  ['transition', 'cyberdyne', '--to', 'bruno', '--reason', 'workload', '--dry-run'],
  ['end', 'cyberdyne', '--reason', 'Contract ended', '--dry-run'],
  ['checkin', 'cyberdyne', '--going-well', 'Upgrade done', '--dry-run'],
  ['docs', 'cyberdyne', '--updated', '--dry-run'],
  ['engineers', 'set', 'farah', '--available', '--dry-run'],
  ['import', 'registry/customer-exceptions.md', '--dry-run'],
  ['init', 'new-registry'],
  ['sync'],
];

function git(cwd, ...args) {
  execFileSync('git', ['-c', 'user.name=ase build', '-c', 'user.email=build@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, stdio: 'ignore' });
}

async function exercise() {
  const work = mkdtempSync(join(tmpdir(), 'ase-code-cache-'));
  try {
    cpSync(join(root, 'registry'), join(work, 'registry'), { recursive: true });
    cpSync(join(root, 'schemas'), join(work, 'schemas'), { recursive: true });
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'sample');
    process.chdir(work);
    const { main } = load(join(dist, 'main.cjs'));
    const env = { ...process.env, NO_COLOR: '1', ASE_TODAY: '2026-11-28' };
    const io = { out: () => {}, err: () => {}, cwd: work, env, interactive: false, stderrIsTTY: false };
    for (const argv of RUNS) await main(argv, io);
  } finally {
    process.chdir(root);
    rmSync(work, { recursive: true, force: true });
  }
}

(async () => {
  // Only the temporary repository: not a registry or repository named by the build's environment
  // (GIT_DIR and GIT_INDEX_FILE are set when the build runs from a git hook).
  for (const k of Object.keys(process.env)) if (k.startsWith('ASE_') || k.startsWith('GIT_')) delete process.env[k];
  // Without git or the sample registry the caches still hold each bundle's top level.
  await exercise().catch((err) => process.stderr.write(`code cache: commands not run (${err.message}), caching top levels only\n`));
  for (const file of bundles) if (!scripts.has(file)) load(file);
  for (const file of bundles) {
    const header = cacheHeader(readFileSync(file, 'utf8'));
    if (header !== undefined) writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(header, 'latin1'), scripts.get(file).createCachedData()]));
  }
  process.exit(0);
})();
