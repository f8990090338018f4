/**
 * The ase command line: declares commands and options, lazy-loads each command's module, and is
 * the one error boundary that turns outcomes into exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { AseError, EXIT } from '../errors.js';
import { resolveGlobals, type RawGlobals } from '../globals.js';
import { declarePeople } from './people-commands.js';
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

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const WRITE_HELP = '\nWrites: checks the whole registry first, then commits exactly the files it changed as one commit.\n';

/** Declares every command, or only `only` when argv names it; `act` runs the command module by name. */
function declare(program: Command, act: (name: string) => (...args: any[]) => Promise<void>, only?: string): void {
  const want = (name: string) => only === undefined || only === name;
  const dryRun = () => new Option('--dry-run', 'show the change as a diff and write nothing');
  const jsonFormat = () => new Option('--format <format>', 'text for people, json for programs (same as --json)').choices(['text', 'json']);

  if (want('init'))
    program
      .command('init')
      .argument('[dir]', 'folder to create registry/ and schemas/ in', '.')
      .description('create a registry (config, people, customers/, schemas) inside a git repo')
      .addHelpText('after', examples('ase init', 'ase init support-registry'))
      .action(act('init'));

  if (want('list'))
    program
      .command('list')
      .description('table of customers (requested and active unless --all)')
      .option('-a, --all', 'include ended and rejected customers')
      .option('--engineer <handle>', 'only customers this engineer is primary or backup for')
      .option('--segment <segment>', 'only post-sales or pre-sales')
      .option('--status <status>', 'only requested, active, ended or rejected')
      .option('--json', 'print JSON for programs')
      .addOption(jsonFormat())
      .addHelpText('after', examples('ase list', 'ase list --all --segment pre-sales', 'ase list --engineer alice --json'))
      .action(act('list'));

  if (want('show'))
    program
      .command('show')
      .argument('<slug>', 'customer slug (its file name)')
      .description('one customer in full')
      .option('--json', 'print JSON for programs')
      .addOption(jsonFormat())
      .addHelpText('after', examples('ase show acme', 'ase show acme --json'))
      .action(act('show'));

  const requestFields = (cmd: Command) =>
    cmd
      .option('--name <name>', 'display name of the customer')
      .addOption(new Option('--segment <segment>', 'kind of customer').choices(['post-sales', 'pre-sales']))
      .option('--ce <handle>', "the customer's CE")
      .option('--reason <text>', 'why the customer needs an assigned engineer')
      .option('--by <handle>', 'who raised the request')
      .addOption(new Option('--term <term>', 'how long').choices(['long-term', 'temporary']))
      .option('--ends-on <date>', 'last day of a temporary assignment (YYYY-MM-DD)');

  if (want('request'))
    requestFields(
      program
        .command('request')
        .argument('<slug>', 'customer slug for the new file')
        .description('record a request for an assigned engineer'),
    )
      .option('--on <date>', 'date of the request (default: today)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase request acme --name "Acme Corp" --segment post-sales --ce carol --by dave --reason "Largest deployment, weekly escalations"') + WRITE_HELP)
      .action(act('request'));

  if (want('approve'))
    program
      .command('approve')
      .argument('<slug>', 'customer slug')
      .description('record one leadership approval of a request')
      .addOption(new Option('--as <role>', 'which leadership approves').choices(['cs', 'ce', 'sales']).makeOptionMandatory())
      .requiredOption('--by <handle>', 'who approves (needs the matching leadership role)')
      .option('--on <date>', 'date of the approval (default: today)')
      .option('--evidence <url>', "where the approver gave it (chat thread, ticket): needed when you record someone else's approval")
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples('ase approve acme --as cs --by erin', 'ase approve acme --as sales --by gina --evidence https://chat.example.com/archives/C01/p1234') +
          "\nWho: your git user (git config user.email) must be the approver's email in people.yaml; to record\nsomeone else's approval, give --evidence: the commit then carries a Recorded-By trailer.\n`ase verify` checks every approval against the commit that made it.\n" +
          WRITE_HELP,
      )
      .action(act('approve'));

  if (want('reject'))
    program
      .command('reject')
      .argument('<slug>', 'customer slug')
      .description('close a request without an assignment')
      .requiredOption('--by <handle>', 'who rejects it')
      .requiredOption('--reason <text>', 'why')
      .option('--on <date>', 'date of the rejection (default: today)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase reject acme --by erin --reason "Round-robin covers it"', 'ase reject acme --by erin --reason "Round-robin covers it" --on 2026-11-20') + WRITE_HELP)
      .action(act('reject'));

  if (want('assign'))
    requestFields(
      program
        .command('assign')
        .argument('<slug>', 'customer slug')
        .description('make the assignment active (creates the customer when it is new)')
        .requiredOption('--engineer <handle>', 'the assigned support engineer')
        .option('--backup <handle>', 'the backup engineer (required for post-sales, not allowed for pre-sales)'),
    )
      .option('--communicated', 'the customer has been told who their engineer is (post-sales only)')
      .option('--since <date>', 'start date (default: today)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase assign acme --engineer alice --backup bob', 'ase assign initech --engineer alice --name Initech --segment pre-sales --ce carol --by dave --reason "Trial"') + WRITE_HELP)
      .action(act('assign'));

  if (want('transition'))
    program
      .command('transition')
      .argument('<slug>', 'customer slug')
      .description('hand the customer over to another engineer and/or backup')
      .option('--to <handle>', 'the new primary engineer')
      .option('--backup <handle>', 'the new backup engineer')
      .addOption(new Option('--reason <code>', 'why').choices(['stagnating', 'exposure', 'workload', 'leave', 'customer-request', 'other']).makeOptionMandatory())
      .option('--note <text>', 'a few words for the history')
      .option('--on <date>', 'date of the hand-over (default: today)')
      .option('--communicated', 'the customer has already been told of the new engineer/backup (post-sales; else communicated becomes false until `ase told`)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase transition acme --to bob --backup carl --reason stagnating --note "Wants broader exposure"', 'ase transition acme --backup dan --reason leave') + WRITE_HELP)
      .action(act('transition'));

  if (want('told'))
    program
      .command('told')
      .argument('<slug>', 'customer slug')
      .description('record that a post-sales customer was told who their engineer and backup are')
      .option('--on <date>', 'the day they were told (default: today)')
      .option('--note <text>', 'how they were told, for the history (for example "QBR call with their IT lead")')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples('ase told globex', 'ase told globex --on 2026-11-20 --note "Announced in the QBR"') +
          '\nPost-sales customers are told who their engineer and backup are after an assignment and after every\nhand-over (`ase transition` sets communicated: false). Pre-sales assignments stay internal: refused.\n' +
          WRITE_HELP,
      )
      .action(act('told'));

  if (want('end'))
    program
      .command('end')
      .argument('<slug>', 'customer slug')
      .description('end the assignment')
      .requiredOption('--reason <text>', 'why it ends')
      .option('--on <date>', 'date it ends (default: today)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase end acme --reason "Contract ended"') + WRITE_HELP)
      .action(act('end'));

  if (want('checkin'))
    program
      .command('checkin')
      .argument('<slug>', 'customer slug')
      .description('record the weekly CE check-in (asks for missing answers in a terminal)')
      .option('--with <handle>', 'the CE met (default: the customer\'s CE)')
      .option('--on <date>', 'date of the check-in (default: today)')
      .option('--going-well <text>', 'what is going well with the customer?')
      .option('--frustrations <text>', 'what, if anything, is causing frustration?')
      .option('--goals <text>', 'what are we trying to make happen?')
      .option('--context <text>', 'what context would help troubleshooting?')
      .addOption(dryRun())
      .addHelpText('after', examples('ase checkin acme', 'ase checkin acme --with carol --going-well "Upgrade done" --frustrations none --goals "SSO rollout" --context "Air-gapped"') + '\nIn a terminal it asks each question not given as a flag, one at a time, showing the last check-in\'s answer\n(Enter skips, "=" keeps the last answer, Ctrl-D cancels). Without a terminal it never asks: missing\nanswers are left out, and at least one answer is needed.\n' + WRITE_HELP)
      .action(act('checkin'));

  if (want('docs'))
    program
      .command('docs')
      .argument('<slug>', 'customer slug')
      .description('record that the design doc was updated and/or Salesforce was synced')
      .option('--updated', 'the design doc was updated')
      .option('--salesforce-synced', 'the CE updated Salesforce')
      .option('--link <url>', 'link to the design doc')
      .option('--on <date>', 'date (default: today)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase docs acme --updated', 'ase docs acme --updated --salesforce-synced --on 2026-11-20') + WRITE_HELP)
      .action(act('docs'));

  if (want('engineers')) {
    const engineers = program
      .command('engineers')
      .description('workload per engineer: primary, backup, overloaded')
      .option('--json', 'print JSON for programs')
      .addOption(jsonFormat())
      .addHelpText('after', examples('ase engineers', 'ase engineers --json', 'ase engineers set alice --overloaded'))
      .action(act('engineers'));
    engineers
      .command('set')
      .argument('<handle>', 'support engineer')
      .description('flag an engineer as overloaded or available again')
      .option('--overloaded', 'the engineer is overloaded')
      .option('--available', 'the engineer can take work again')
      .addOption(dryRun())
      .addHelpText('after', examples('ase engineers set alice --overloaded', 'ase engineers set alice --available') + WRITE_HELP)
      .action(act('engineers-set'));
  }

  if (want('people')) declarePeople(program, act, { dryRun, examples, writeHelp: WRITE_HELP });

  if (want('status'))
    program
      .command('status')
      .description('what needs attention now, most urgent first')
      .option('--json', 'print JSON for programs')
      .addOption(jsonFormat())
      .option('--strict', 'exit 1 when anything needs attention')
      .addHelpText('after', examples('ase status', 'ase status --today 2026-12-01 --json') + '\nErrors and warnings are the cap and what `ase lint` reports; hints (ending soon, Salesforce sync,\npending requests, rotation) never fail --strict.\n')
      .action(act('status'));

  if (want('lint'))
    program
      .command('lint')
      .description('check every file against its schema and the team rules')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
      .option('--json', 'same as --format json')
      .option('--strict', 'warnings fail too (exit 1)')
      .addHelpText('after', examples('ase lint', 'ase lint --format json', 'ase lint --format github --strict'))
      .action(act('lint'));

  if (want('verify'))
    program
      .command('verify')
      .description('check every approval against the git commit that made it (reads the history)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
      .option('--json', 'same as --format json')
      .option('--strict', 'warnings fail too (exit 1)')
      .addHelpText(
        'after',
        examples('ase verify', 'ase verify --format github') +
          "\nAn approval is verified when the commit that introduced it was made by `ase approve` and either its\nauthor's email is the approver's in people.yaml or the approval carries `evidence`. Anything else is\n`approval-unverified` (an error under `require_verified_approvals: true`). Needs the full history:\nin CI check out with `fetch-depth: 0`.\n",
      )
      .action(act('verify'));

  if (want('codeowners'))
    program
      .command('codeowners')
      .description('write .github/CODEOWNERS from the roster: leadership reviews registry changes')
      .option('--check', 'do not write; exit 1 and show the difference when the file is out of date')
      .option('--out <file>', 'write to this file instead of .github/CODEOWNERS at the work tree root')
      .addHelpText(
        'after',
        examples('ase codeowners', 'ase codeowners --check') +
          '\nconfig.yaml is owned by CS, CE and Sales leadership, people.yaml and customers/ by CS leadership,\nnamed by their `github` user names in people.yaml. With "Require review from Code Owners" on the\nprotected branch, GitHub enforces the vetting on every pull request.\n',
      )
      .action(act('codeowners'));

  if (want('render'))
    program
      .command('render')
      .description('write customer-exceptions.md from the registry')
      .option('--check', 'do not write; exit 1 and show the difference when the page is out of date')
      .option('--out <file>', 'write the page to this file instead')
      .addHelpText('after', examples('ase render', 'ase render --check', 'ase render --out /tmp/page.md'))
      .action(act('render'));

  if (want('report'))
    program
      .command('report')
      .description('write the registry as one self-contained HTML page (charts, no script, no network)')
      .option('--out <file.html>', 'the page to write (required; "-" prints it)')
      .option('--weeks <n>', 'weeks of the coverage calendar, from today (1-52)', '6')
      .addHelpText(
        'after',
        examples('ase report --out report.html', 'ase report --today 2026-12-01 --weeks 8 --out site/index.html') +
          '\nThe page shows cap usage, what needs attention (as `ase status`), workload per engineer, a coverage\ncalendar, the assignments of the last 12 months and pending requests. It works offline, prints on A4\nand follows the light or dark scheme. Same registry and --today: same bytes.\n',
      )
      .action(act('report'));

  if (want('import'))
    program
      .command('import')
      .argument('<page.md>', 'a hand-kept markdown page with a table of customers')
      .description('read an existing customer-exceptions page into the registry (one commit)')
      .addOption(dryRun())
      .addHelpText('after', examples('ase import old-customer-exceptions.md', 'ase import page.md --dry-run') + WRITE_HELP)
      .action(act('import'));

  if (want('history'))
    program
      .command('history')
      .argument('<slug>', 'customer slug')
      .description('who was assigned when, and why, read from git')
      .option('--json', 'print JSON for programs')
      .addOption(jsonFormat())
      .addHelpText('after', examples('ase history acme', 'ase history acme --json'))
      .action(act('history'));

  if (want('diff'))
    program
      .command('diff')
      .argument('[base]', 'git revision to compare from', 'HEAD')
      .argument('[head]', 'git revision to compare to (default: the work tree)')
      .description('semantic diff of the registry between two revisions, for review')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--json', 'same as --format json')
      .addHelpText('after', examples('ase diff', 'ase diff origin/main HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"'))
      .action(act('diff'));

  if (want('sync'))
    program
      .command('sync')
      .description('pull (rebase) and push, re-checking the rules on the merged result first')
      .option('--remote <name>', 'remote to sync with', 'origin')
      .addHelpText('after', examples('ase sync'))
      .action(act('sync'));

  if (want('note'))
    program
      .command('note')
      .argument('<slug>', 'customer slug')
      .description('a short plain-text note about the customer for the ticketing tool')
      .addHelpText('after', examples('ase note acme | pbcopy'))
      .action(act('note'));

  if (want('away'))
    program
      .command('away')
      .argument('[handle]', 'the support engineer who is away (none: list current and upcoming time off)')
      .description('record, update or cancel time off and see who covers; without a handle, list current and upcoming time off')
      .option('--from <date>', 'first day away (with the handle, identifies the entry)')
      .option('--to <date>', 'last day away, inclusive')
      .option('--cover <slug=handle>', 'who takes that customer when the backup cannot (repeatable; `slug=` removes it)', (v: string, all: string[] = []) => [...all, v])
      .option('--note <text>', 'a few words, e.g. Winter break')
      .option('--cancel', 'remove the entry that starts on --from')
      .option('--json', 'the listing (or the entry written) for programs')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples('ase away', 'ase away amara --from 2026-12-21 --to 2027-01-04 --note "Winter break"', 'ase away amara --from 2026-12-21 --cover initech=bruno', 'ase away amara --cancel --from 2026-12-21') +
          '\nThe handler of a customer on a day is the engineer, else the backup, else the cover named for it in the\nengineer\'s entry. Time off is never refused for leaving a gap: the plan names each gap and the --cover that closes it.\n' +
          WRITE_HELP,
      )
      .action(act('away'));

  if (want('who'))
    program
      .command('who')
      .argument('[slug]', 'customer slug (none: every active customer)')
      .description('who handles a customer\'s tickets on a day: engineer, else backup, else the named cover')
      .option('--on <date>', 'the day (default: today)')
      .option('--at <instant>', 'an ISO instant such as 2026-12-07T15:30:00Z: also checks working hours')
      .option('--json', 'for programs')
      .addHelpText('after', examples('ase who acme', 'ase who acme --on 2026-12-24 --json', 'ase who acme --at 2026-12-07T15:30:00Z', 'ase who'))
      .action(act('who'));
  }

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

function hintFor(err: CommanderError, argv: readonly string[]): string {
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
    .addHelpText('after', examples('npx ase status', 'ase lint --format github', 'ase assign acme --engineer alice --backup bob') + '\nExit codes: 0 ok, 1 findings or refused change, 2 bad usage or input, 3 environment (git, lock).\n');
  program.commands.forEach((c) => c.exitOverride());

  const act = (name: string) =>
    async (...args: any[]) => {
      const command = args.at(-1) as Command;
      const opts = command.optsWithGlobals() as RawGlobals & Record<string, unknown>;
      if (opts.format === 'json') opts.json = true;
      const globals = resolveGlobals(opts, io);
      const positional = command.processedArgs ?? [];
      const mod = await loaders[name]!();
      exitCode = await mod.run({ ...opts, args: positional }, globals, io);
    };
  declare(program, act, invokedCommand(argv));
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
      io.err(`ase: ${err.message.replace(/^error: /, '')}\nhint: ${hintFor(err, argv)}\n`);
      return EXIT.usage;
    }
    if (err instanceof AseError) {
      io.err(`ase: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
      return err.exitCode;
    }
    const e = err as Error;
    io.err(`ase: internal error: ${e?.message ?? String(err)}\nhint: this is a bug in ase; please report it with the command you ran${io.env.ASE_DEBUG ? `\n${e?.stack}` : ' (ASE_DEBUG=1 shows details)'}\n`);
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
