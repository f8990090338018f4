// `npm run bench`: measures ase against its baselines in the same run, on the same machine, and
// prints a table of medians, ratios and whether each target holds; writes it as JSON to
// bench/out/results.json. Not part of `npm test`. Runs in a temporary folder it removes after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ajvData, historyRepo, lintRepo, sampleRepo, writeRepo } from './fixtures.mjs';
import { ENGINEERS, TODAY, slugOf } from './generate.mjs';
import { canMeasureRss, compare, median, runOnce } from './measure.mjs';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const ase = join(project, 'bin', 'ase');
const node = process.execPath;
const ajvCli = join(project, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const env = { ASE_TODAY: TODAY, NO_COLOR: '1' };
const quick = process.argv.includes('--quick');
// `--only <section>` (start-up, lint, write, history) runs one part of the bench.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const want = (section) => only === undefined || only === section;
const runs = (n) => (quick ? Math.max(3, Math.ceil(n / 3)) : n);
const started = Date.now();

function log(message) {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);
}

const rows = [];
/**
 * Adds a row: ase's and the baseline's medians (ms or MB), their ratio and the target. Rows marked
 * `extra` are not issue targets (shown for context) and do not decide the exit code.
 */
function row(what, measuredAs, subject, baseline, target, unit = 'ms', extra = false) {
  const ratio = subject / baseline;
  rows.push({ what: extra ? `${what} (extra)` : what, measuredAs, ase: subject, baseline, unit, ratio, target, holds: ratio <= target, extra });
  log(`${what}: ${subject.toFixed(1)} ${unit} vs ${baseline.toFixed(1)} ${unit} = ${ratio.toFixed(2)}x (target ${target}x)`);
}

const tmp = mkdtempSync(join(tmpdir(), 'ase-bench-'));
try {
  log(`setting up in ${tmp}`);
  const bare = { cmd: node, args: ['-e', '0'] };
  // Start-up is measured before the large fixtures are written, so their disk writes in the
  // background cannot slow it down.
  const sample = sampleRepo(project, tmp);
  // As a registry is used: not in the two seconds after its files were written, when the stat
  // index does not trust them yet (see src/registry/stat-index.ts).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);

  // Start-up and a small lint on the sample (the cache is warm after the first, unmeasured round).
  // Short runs vary most on a shared machine: many rounds, so the medians settle.
  if (want('start-up')) {
    const list = compare({ cmd: ase, args: ['list'], cwd: sample, env }, bare, { runs: runs(41), warmup: 2 });
    row('start-up', '`ase list` on the sample vs `node -e 0`', median(list.subject.map((r) => r.ms)), median(list.baseline.map((r) => r.ms)), 1.3);
    // Who takes a customer's ticket: as light as start-up (the handler rule reads no rules, no clock).
    const who = compare({ cmd: ase, args: ['who', 'initech'], cwd: sample, env }, bare, { runs: runs(41), warmup: 2 });
    row('who', '`ase who initech` on the sample vs `node -e 0`', median(who.subject.map((r) => r.ms)), median(who.baseline.map((r) => r.ms)), 1.3);
    const small = compare({ cmd: ase, args: ['lint'], cwd: sample, env }, bare, { runs: runs(41), warmup: 2 });
    row('small lint', '`ase lint` on the sample vs `node -e 0`', median(small.subject.map((r) => r.ms)), median(small.baseline.map((r) => r.ms)), 1.6);
  }
  const ms = (list) => median(list.map((r) => r.ms));
  const mb = (list) => median(list.map((r) => r.rssMb));

  const lint10k = want('lint') && lintRepo(tmp, 10_000);
  const lint1k = want('lint') && lintRepo(tmp, 1_000);
  const lintLoose = want('lint') && lintRepo(tmp, 10_000, { committed: false });
  const ajv10k = want('lint') && ajvData(tmp, 10_000);
  const writes = want('write') && writeRepo(tmp, 10_000);
  const history = want('history') && historyRepo(tmp, 200, 5_000);
  const handHistory = want('history') && historyRepo(tmp, 200, 5_000, { trailers: false });
  spawnSync('sync');
  log('large fixtures ready');

  if (want('lint')) {
    // Lint at scale: cold (cache deleted first), warm (second run), and 1,000 files for growth.
    const lintArgs = ['lint', '--format', 'json'];
    const coldAt = (dir) => ({ before: () => rmSync(join(dir, '.git', 'ase-cache'), { recursive: true, force: true }), cwd: dir, env });
    const ajvArgs = [ajvCli, 'validate', '-s', join(project, 'schemas', 'customer.schema.json'), '-d', join(ajv10k, '*.yaml'), '-c', 'ajv-formats'];
    const samples = { ajv: [], cold: [], warm: [], cold1k: [], looseCold: [], looseWarm: [], report: [] };
    const reportArgs = ['report', '--out', join(tmp, 'report-10000.html')];
    // The fixtures were just written, so files are in the page cache: no warm-up round needed.
    const rounds = runs(3);
    for (let i = 0; i < rounds; i++) {
      const a = runOnce(node, ajvArgs, { cwd: project, rss: true });
      const c = runOnce(ase, lintArgs, { ...coldAt(lint10k), rss: true });
      const w = runOnce(ase, lintArgs, { cwd: lint10k, env, rss: true });
      const k = runOnce(ase, lintArgs, coldAt(lint1k));
      samples.ajv.push(a);
      samples.cold.push(c);
      samples.warm.push(w);
      samples.cold1k.push(k);
      samples.looseCold.push(runOnce(ase, lintArgs, { ...coldAt(lintLoose), rss: true }));
      samples.looseWarm.push(runOnce(ase, lintArgs, { cwd: lintLoose, env, rss: true }));
      // The HTML report of the same registry, beside its cold lint (the report reads without the cache).
      samples.report.push(runOnce(ase, reportArgs, coldAt(lint10k)));
      log(
        `lint round ${i + 1}: ajv-cli ${a.ms.toFixed(0)} ms, cold ${c.ms.toFixed(0)} ms, warm ${w.ms.toFixed(0)} ms, 1k cold ${k.ms.toFixed(0)} ms, report ${samples.report.at(-1).ms.toFixed(0)} ms`,
      );
    }
    row(
      'lint at scale, cold',
      '`ase lint`, 10,000 customers (committed), no cache vs `ajv-cli validate` of the same data',
      ms(samples.cold),
      ms(samples.ajv),
      1.5,
    );
    row('lint at scale, warm', 'the same, second run with nothing changed', ms(samples.warm), ms(samples.ajv), 0.3);
    row('growth', 'cold lint of 10,000 files vs 1,000 files', ms(samples.cold), ms(samples.cold1k), 11);
    row('report at scale', '`ase report`, 10,000 customers vs cold `ase lint` of the same registry', ms(samples.report), ms(samples.cold), 1.5);
    row(
      'lint at scale, cold, not committed',
      'cold lint of the 10,000 files just written, nothing in git yet',
      ms(samples.looseCold),
      ms(samples.ajv),
      1.5,
      'ms',
      true,
    );
    row(
      'lint at scale, warm, not committed',
      'the same, second run (unchanged files found by size and times)',
      ms(samples.looseWarm),
      ms(samples.ajv),
      0.3,
      'ms',
      true,
    );
    if (canMeasureRss) {
      row('memory', 'peak RSS of cold lint at 10,000 files vs ajv-cli', mb(samples.cold), mb(samples.ajv), 1.2, 'MB');
      row('memory, warm', 'peak RSS of warm lint at 10,000 files vs ajv-cli', mb(samples.warm), mb(samples.ajv), 1.2, 'MB', true);
    } else log('memory: /usr/bin/time is missing, peak RSS not measured');
  }

  if (want('write')) {
    // Write path: `ase assign` of a requested customer vs node start-up + edit + git add + git commit.
    runOnce(ase, ['lint'], { cwd: writes, env }); // the registry is read once before, as in daily use
    const write = { ase: [], baseline: [] };
    const writeRounds = runs(5);
    for (let k = 0; k < writeRounds + 1; k++) {
      const i = 12 + k; // customers 12..39 are requested (see generate.mjs)
      const slug = slugOf(i);
      const file = `registry/customers/${slug}.yaml`;
      const script = 'node -e 0 && printf "# reviewed\\n" >> "$1" && git add -- "$1" && git commit -q -m "edit $1"';
      const b = runOnce('sh', ['-c', script, 'sh', file], { cwd: writes, env: { PATH: `${dirname(node)}:${process.env.PATH}` } });
      const args = ['assign', slug, '--engineer', ENGINEERS[20 + k], ...(i % 4 === 0 ? [] : ['--backup', ENGINEERS[(30 + k) % 40]])];
      const a = runOnce(ase, args, { cwd: writes, env });
      if (k > 0) {
        write.baseline.push(b);
        write.ase.push(a);
      }
    }
    row('write path', '`ase assign`, 10,000 customers vs `node -e 0` + edit + `git add` + `git commit`', ms(write.ase), ms(write.baseline), 1.5);
  }

  if (want('history')) {
    // History: `ase history` vs `git log --follow` on the same file, 5,000 commits.
    const slug = slugOf(7);
    const hist = compare(
      { cmd: ase, args: ['history', slug], cwd: history, env },
      { cmd: 'git', args: ['log', '--follow', '--', `registry/customers/${slug}.yaml`], cwd: history },
      { runs: runs(9), warmup: 1 },
    );
    row('history', '`ase history <slug>`, 5,000 commits vs `git log --follow` on that file', ms(hist.subject), ms(hist.baseline), 2);

    // Verify: every approval's commit, from one `git log` of the customers folder (plus the versions
    // it must read), vs that `git log` alone. The commits are ase check-ins, which verify takes at
    // their trailers' word; the extra row has the same commits as hand edits, so every version is read.
    const logArgs = ['log', '--format=%H%x00%ae%x00%(trailers)', '--', 'registry/customers'];
    const verifyArgs = ['verify', '--format', 'json'];
    const ver = compare({ cmd: ase, args: verifyArgs, cwd: history, env }, { cmd: 'git', args: logArgs, cwd: history }, { runs: runs(9), warmup: 1 });
    row('verify', '`ase verify`, 5,000 commits vs `git log --format=%H%x00%ae%x00%(trailers) -- registry/customers`', ms(ver.subject), ms(ver.baseline), 2);
    const verHand = compare(
      { cmd: ase, args: verifyArgs, cwd: handHistory, env },
      { cmd: 'git', args: logArgs, cwd: handHistory },
      { runs: runs(9), warmup: 1 },
    );
    row(
      'verify, hand commits',
      'the same with the 5,000 commits made by hand (no trailers): every version read',
      ms(verHand.subject),
      ms(verHand.baseline),
      2,
      'ms',
      true,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const seconds = (Date.now() - started) / 1000;
const fmt = (v, unit) => (unit === 'MB' ? `${v.toFixed(0)} MB` : `${v.toFixed(0)} ms`);
const lines = [
  '| what | measured as | ase | baseline | ratio | target | holds |',
  '|---|---|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.measuredAs} | ${fmt(r.ase, r.unit)} | ${fmt(r.baseline, r.unit)} | ${r.ratio.toFixed(2)}x | <= ${r.target}x | ${r.holds ? 'yes' : 'NO'} |`,
  ),
];
const machine = `${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
process.stdout.write(`\n${lines.join('\n')}\n\nMedians; ${machine}; bench took ${seconds.toFixed(0)} s.\n`);
const out = join(project, 'bench', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, seconds, quick, rows }, null, 2)}\n`);
process.exitCode = rows.every((r) => r.holds || r.extra) ? 0 : 1;
