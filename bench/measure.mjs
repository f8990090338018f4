// Timing and memory of child processes for the benchmark: wall-clock milliseconds from spawn to
// exit, and peak RSS through /usr/bin/time when the machine has it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';
export const canMeasureRss = existsSync(TIME);

/**
 * Runs `cmd` with `args` once; returns wall ms and (with `rss`) peak RSS in MB. Throws when the
 * exit code is not one of `okCodes`, so a broken command never produces a figure.
 */
export function runOnce(cmd, args, { cwd, env, rss = false, okCodes = [0], before } = {}) {
  if (before) before();
  const useTime = rss && canMeasureRss;
  const [file, argv] = useTime ? [TIME, ['-f', '@@rss %M', cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', useTime ? 'pipe' : 'ignore'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status} (in ${cwd})`);
  const m = useTime ? /@@rss (\d+)/.exec(r.stderr ?? '') : null;
  return { ms, rssMb: m ? Number(m[1]) / 1024 : undefined };
}

export function median(values) {
  const v = values.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Runs subject and baseline alternately `runs` times (after `warmup` unmeasured rounds), so
 * both see the same machine load; returns their samples.
 */
export function compare(subject, baseline, { runs, warmup = 1, rss = false }) {
  const s = [];
  const b = [];
  for (let i = 0; i < warmup + runs; i++) {
    const rb = runOnce(baseline.cmd, baseline.args, { ...baseline, rss });
    const rs = runOnce(subject.cmd, subject.args, { ...subject, rss });
    if (i >= warmup) {
      b.push(rb);
      s.push(rs);
    }
  }
  return { subject: s, baseline: b };
}
