/**
 * Runs the built CLI under a pseudo-terminal (python3's pty module), answering each "> " prompt in
 * turn, so interactive prompting is tested the way a person meets it.
 */
import { spawnSync } from 'node:child_process';
import { BIN } from '../helpers/cli.js';
import { GIT_ENV } from '../helpers/repo.js';

const DRIVER = String.raw`
import json, os, pty, re, select, sys, time
argv, answers = json.loads(sys.argv[1]), json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
out, seen = b'', 0
# A fresh prompt starts a line (a redraw while typing does not).
PROMPT = re.compile(rb'\n(?:\x1b\[[0-9;?]*[A-Za-z])*> ')
def read(timeout):
    global out
    r, _, _ = select.select([fd], [], [], timeout)
    if not r: return None
    try: chunk = os.read(fd, 4096)
    except OSError: return b''
    out += chunk
    return chunk
for answer in answers:
    end = time.time() + 20
    while not PROMPT.search(out, seen) and time.time() < end:
        if read(0.1) == b'': break
    m = PROMPT.search(out, seen)
    if not m: break
    seen = m.end()
    os.write(fd, b'\x04' if answer is None else answer.encode() + b'\r')
end = time.time() + 20
while time.time() < end:
    if read(0.2) == b'': break
_, status = os.waitpid(pid, 0)
sys.stdout.write(json.dumps({'code': os.waitstatus_to_exitcode(status), 'out': out.decode('utf8', 'replace')}))
`;

export interface PtyResult {
  code: number;
  /** Everything the terminal showed, with escape sequences removed. */
  out: string;
}

/** Runs `ase args` in `cwd` under a terminal; `answers` are typed at successive prompts (null = Ctrl-D). */
export function aseInTerminal(args: readonly string[], answers: ReadonlyArray<string | null>, cwd: string, today = '2026-11-28'): PtyResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, NO_COLOR: '1', ASE_TODAY: today, TERM: 'dumb' };
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'ASE_REGISTRY', 'FORCE_COLOR']) delete env[k];
  const r = spawnSync('python3', ['-c', DRIVER, JSON.stringify([process.execPath, BIN, ...args]), JSON.stringify(answers)], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  const { code, out } = JSON.parse(r.stdout) as PtyResult;
  // eslint-disable-next-line no-control-regex
  return { code, out: out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '') };
}
