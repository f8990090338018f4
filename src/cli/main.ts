/**
 * The ase command line: declares commands and options, lazy-loads each command's module, and is
 * the one error boundary that turns outcomes into exit codes.
 */
import { Command, CommanderError } from 'commander';
import { AseError, EXIT } from '../errors.js';
import { resolveGlobals, type RawGlobals } from '../globals.js';
import { declareCustomerCommands, examples } from './declare-customers.js';
import { declareRegistryCommands } from './declare-registry.js';
import { processIo, type Io } from '../io.js';

declare const ASE_VERSION: string;
const VERSION = typeof ASE_VERSION === 'string' ? ASE_VERSION : '0.0.0-dev';

type Module = { run: (args: any, globals: any, io: Io) => Promise<number> };
type Loader = () => Promise<Module>;

const loaders: Record<string, Loader> = {
  init: () => import('../commands/init.js'),
  list: () => import('../commands/list.js'),
  show: () => import('../commands/show.js'),
  request: () => import('../commands/request.js'),
  approve: () => import('../commands/approve.js'),
  reject: () => import('../commands/reject.js'),
  assign: () => import('../commands/assign.js'),
  transition: () => import('../commands/transition.js'),
  end: () => import('../commands/end.js'),
  told: () => import('../commands/told.js'),
  checkin: () => import('../commands/checkin.js'),
  docs: () => import('../commands/docs.js'),
  engineers: () => import('../commands/engineers.js'),
  'engineers-set': () => import('../commands/engineers-set.js'),
  status: () => import('../commands/status.js'),
  lint: () => import('../commands/lint.js'),
  render: () => import('../commands/render.js'),
  report: () => import('../commands/report.js'),
  import: () => import('../commands/import.js'),
  history: () => import('../commands/history.js'),
  diff: () => import('../commands/diff.js'),
  sync: () => import('../commands/sync.js'),
  note: () => import('../commands/note.js'),
  people: () => import('../commands/people.js'),
  'people-add': () => import('../commands/people-add.js'),
  'people-set': () => import('../commands/people-set.js'),
  'people-deactivate': () => import('../commands/people-deactivate.js'),
  'people-activate': () => import('../commands/people-activate.js'),
  away: () => import('../commands/away.js'),
  who: () => import('../commands/who.js'),
  verify: () => import('../commands/verify.js'),
  codeowners: () => import('../commands/codeowners.js'),
};

/** Loaders of subcommands (`ase engineers set`, `ase people add`): declared under their parent command. */
const SUBCOMMANDS = new Set(['engineers-set', 'people-add', 'people-set', 'people-deactivate', 'people-activate']);

/** Root options that take a value: the word after them is not a command name. */
const VALUE_OPTIONS = new Set(['-r', '--registry', '--today']);

/**
 * The command `argv` names, when it is one ase has; declaring only that one saves building every
 * command's options and help at start-up. Anything else (no command, `help`, a typo) declares all.
 */
function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a in loaders && !SUBCOMMANDS.has(a) ? a : undefined;
  }
  return undefined;
}

/** The command `ase help <command>` asks about, if argv is that. */
function helpTopic(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words[0] === 'help' ? words[1] : undefined;
}

function hintFor(argv: readonly string[]): string {
  const at = argv.findIndex((a) => !a.startsWith('-') && a in loaders);
  if (at < 0) return 'see `ase --help`';
  const sub = argv[at + 1] !== undefined && SUBCOMMANDS.has(`${argv[at]}-${argv[at + 1]}`) ? `${argv[at]} ${argv[at + 1]}` : argv[at];
  return `see \`ase ${sub} --help\``;
}

/** Runs ase with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ase');
  program
    .description('ase: the assigned support engineers registry, kept as YAML in git')
    .version(VERSION, '--version', 'print the version')
    .option('-r, --registry <dir>', 'registry folder (default: nearest registry/ above here, or ASE_REGISTRY)')
    .option('--today <date>', 'date to check against, YYYY-MM-DD (default: ASE_TODAY, else the clock)')
    .option('--no-color', 'plain output (also NO_COLOR)')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      examples('npx ase status', 'ase lint --format github', 'ase assign acme --engineer alice --backup bob') +
        '\nExit codes: 0 ok, 1 findings or refused change, 2 bad usage or input, 3 environment (git, lock).\n',
    );
  program.commands.forEach((c) => c.exitOverride());

  const act =
    (name: string) =>
    async (...args: any[]) => {
      const command = args.at(-1) as Command;
      const opts = command.optsWithGlobals() as RawGlobals & Record<string, unknown>;
      if (opts.format === 'json') opts.json = true;
      const globals = resolveGlobals(opts, io);
      const positional = command.processedArgs ?? [];
      const mod = await loaders[name]!();
      exitCode = await mod.run({ ...opts, args: positional }, globals, io);
    };
  const only = invokedCommand(argv);
  declareCustomerCommands(program, act, only);
  declareRegistryCommands(program, act, only);
  for (const c of program.commands) {
    c.exitOverride();
    c.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined });
    c.showSuggestionAfterError(true);
    for (const s of c.commands) {
      s.exitOverride();
      s.configureOutput({ writeOut: (s2) => io.out(s2), writeErr: (s2) => io.err(s2), outputError: () => undefined });
    }
  }

  if (argv.length === 0) {
    io.out(program.helpInformation());
    return EXIT.ok;
  }
  const helpFor = helpTopic(argv);
  if (helpFor !== undefined && !program.commands.some((c) => c.name() === helpFor)) {
    // commander would print the main help and exit 0, as if the name were right.
    io.err(`ase: unknown command '${helpFor}'\nhint: see \`ase --help\`\n`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      io.err(`ase: ${err.message.replace(/^error: /, '')}\nhint: ${hintFor(argv)}\n`);
      return EXIT.usage;
    }
    if (err instanceof AseError) {
      io.err(`ase: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
      return err.exitCode;
    }
    const e = err as Error;
    io.err(
      `ase: internal error: ${e?.message ?? String(err)}\nhint: this is a bug in ase; please report it with the command you ran${io.env.ASE_DEBUG ? `\n${e?.stack}` : ' (ASE_DEBUG=1 shows details)'}\n`,
    );
    return EXIT.environment;
  }
}

/** Runs ase on the process's arguments and sets its exit code: what bin/ase calls after loading this bundle. */
export function cli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.environment;
    },
  );
}
