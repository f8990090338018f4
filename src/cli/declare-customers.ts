/**
 * Declares the commands about one customer's life: init, list and show, then request, approvals,
 * assignment, hand-over, telling, end, check-ins and docs.
 */
import { type Command, Option } from 'commander';

/** Runs the command module of that name with what commander parsed. */
export type Act = (name: string) => (...args: any[]) => Promise<void>;

/** Help pieces every command shares. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export const WRITE_HELP = '\nWrites: checks the whole registry first, then commits exactly the files it changed as one commit.\n';
export const dryRun = () => new Option('--dry-run', 'show the change as a diff and write nothing');
export const jsonFormat = () => new Option('--format <format>', 'text for people, json for programs (same as --json)').choices(['text', 'json']);

/** Declares these commands, or only `only` when argv names one of them. */
export function declareCustomerCommands(program: Command, act: Act, only?: string): void {
  const want = (name: string) => only === undefined || only === name;
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
    requestFields(program.command('request').argument('<slug>', 'customer slug for the new file').description('record a request for an assigned engineer'))
      .option('--on <date>', 'date of the request (default: today)')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples('ase request acme --name "Acme Corp" --segment post-sales --ce carol --by dave --reason "Largest deployment, weekly escalations"') +
          WRITE_HELP,
      )
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
      .addHelpText(
        'after',
        examples('ase reject acme --by erin --reason "Round-robin covers it"', 'ase reject acme --by erin --reason "Round-robin covers it" --on 2026-11-20') +
          WRITE_HELP,
      )
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
      .addHelpText(
        'after',
        examples(
          'ase assign acme --engineer alice --backup bob',
          'ase assign initech --engineer alice --name Initech --segment pre-sales --ce carol --by dave --reason "Trial"',
        ) + WRITE_HELP,
      )
      .action(act('assign'));

  if (want('transition'))
    program
      .command('transition')
      .argument('<slug>', 'customer slug')
      .description('hand the customer over to another engineer and/or backup')
      .option('--to <handle>', 'the new primary engineer')
      .option('--backup <handle>', 'the new backup engineer')
      .addOption(
        new Option('--reason <code>', 'why').choices(['stagnating', 'exposure', 'workload', 'leave', 'customer-request', 'other']).makeOptionMandatory(),
      )
      .option('--note <text>', 'a few words for the history')
      .option('--on <date>', 'date of the hand-over (default: today)')
      .option('--communicated', 'the customer has already been told of the new engineer/backup (post-sales; else communicated becomes false until `ase told`)')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples(
          'ase transition acme --to bob --backup carl --reason stagnating --note "Wants broader exposure"',
          'ase transition acme --backup dan --reason leave',
        ) + WRITE_HELP,
      )
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
      .option('--with <handle>', "the CE met (default: the customer's CE)")
      .option('--on <date>', 'date of the check-in (default: today)')
      .option('--going-well <text>', 'what is going well with the customer?')
      .option('--frustrations <text>', 'what, if anything, is causing frustration?')
      .option('--goals <text>', 'what are we trying to make happen?')
      .option('--context <text>', 'what context would help troubleshooting?')
      .addOption(dryRun())
      .addHelpText(
        'after',
        examples(
          'ase checkin acme',
          'ase checkin acme --with carol --going-well "Upgrade done" --frustrations none --goals "SSO rollout" --context "Air-gapped"',
        ) +
          '\nIn a terminal it asks each question not given as a flag, one at a time, showing the last check-in\'s answer\n(Enter skips, "=" keeps the last answer, Ctrl-D cancels). Without a terminal it never asks: missing\nanswers are left out, and at least one answer is needed.\n' +
          WRITE_HELP,
      )
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
}
