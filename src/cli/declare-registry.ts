/**
 * Declares the commands about the team and the registry as a whole: engineers and people, status,
 * lint, verify, codeowners, render, report, import, history, diff, sync, note, away and who.
 */
import { type Command, Option } from 'commander';
import { declarePeople } from './people-commands.js';
import { type Act, dryRun, examples, jsonFormat, WRITE_HELP } from './declare-customers.js';

/** Declares these commands, or only `only` when argv names one of them. */
export function declareRegistryCommands(program: Command, act: Act, only?: string): void {
  const want = (name: string) => only === undefined || only === name;
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
      .addHelpText(
        'after',
        examples('ase status', 'ase status --today 2026-12-01 --json') +
          '\nErrors and warnings are the cap and what `ase lint` reports; hints (ending soon, Salesforce sync,\npending requests, rotation) never fail --strict.\n',
      )
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
      .option('--cover <slug=handle>', 'who takes that customer when the backup cannot (repeatable; `slug=` removes it)', (v: string, all: string[] = []) => [
        ...all,
        v,
      ])
      .option('--note <text>', 'a few words, e.g. Winter break')
      .option('--cancel', 'remove the entry that starts on --from')
      .option('--json', 'the listing (or the entry written) for programs')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples(
          'ase away',
          'ase away amara --from 2026-12-21 --to 2027-01-04 --note "Winter break"',
          'ase away amara --from 2026-12-21 --cover initech=bruno',
          'ase away amara --cancel --from 2026-12-21',
        ) +
          "\nThe handler of a customer on a day is the engineer, else the backup, else the cover named for it in the\nengineer's entry. Time off is never refused for leaving a gap: the plan names each gap and the --cover that closes it.\n" +
          WRITE_HELP,
      )
      .action(act('away'));

  if (want('who'))
    program
      .command('who')
      .argument('[slug]', 'customer slug (none: every active customer)')
      .description("who handles a customer's tickets on a day: engineer, else backup, else the named cover")
      .option('--on <date>', 'the day (default: today)')
      .option('--at <instant>', 'an ISO instant such as 2026-12-07T15:30:00Z: also checks working hours')
      .option('--json', 'for programs')
      .addHelpText('after', examples('ase who acme', 'ase who acme --on 2026-12-24 --json', 'ase who acme --at 2026-12-07T15:30:00Z', 'ase who'))
      .action(act('who'));
}
