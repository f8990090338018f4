/** Declares `ase people` and its subcommands (add, set, deactivate, activate) on the command line. */
import { type Command, Option } from 'commander';

type Act = (name: string) => (...args: any[]) => Promise<void>;

/** Pieces of help text main.ts shares with every command. */
export interface HelpParts {
  dryRun: () => Option;
  examples: (...lines: string[]) => string;
  writeHelp: string;
}

/** `ase people` and its subcommands: the roster, read and written through commands. */
export function declarePeople(program: Command, act: Act, help: HelpParts): void {
  const { dryRun, examples } = help;
  const WRITE_HELP = help.writeHelp;
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const roles = 'support-engineer, customer-engineer, cs-leadership, ce-leadership, sales-leadership';
  const people = program
    .command('people')
    .description('the roster: handle, name, roles, time zone, hours, active, overloaded, away')
    .option('--active', 'only active people')
    .option('--json', 'print JSON for programs')
    .addOption(new Option('--format <format>', 'text for people, json for programs (same as --json)').choices(['text', 'json']))
    .addHelpText(
      'after',
      examples(
        'ase people',
        'ase people --active --json',
        'ase people add noor --name "Noor Haddad" --role support-engineer --timezone Asia/Dubai --hours 08:00-16:00',
        'ase people set noor --add-role customer-engineer',
        'ase people deactivate gus',
      ) +
        '\nadd, set, deactivate and activate write: each checks the whole registry first, then commits the\nchange to people.yaml as one commit (--dry-run shows it). `ase people add --help` and so on tell more.\n',
    )
    .action(act('people'));
  people
    .command('add')
    .argument('<handle>', 'new handle: lowercase letters, digits and hyphens, never reused')
    .description('add someone to people.yaml (one commit)')
    .option('--name <name>', 'display name (required)')
    .option('--role <role>', `a role, repeatable (at least one): ${roles}`, collect)
    .option('--email <address>', 'email address (ties the person to their git identity)')
    .option('--github <user>', 'GitHub user name (`ase codeowners` names leadership with it)')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/London')
    .option('--hours <HH:MM-HH:MM>', 'working hours in that time zone (needs --timezone)')
    .option('--days <days>', 'working days, e.g. mon,tue,wed,thu (default mon-fri)')
    .addOption(dryRun())
    .addHelpText(
      'after',
      examples(
        'ase people add noor --name "Noor Haddad" --role support-engineer',
        'ase people add omar --name "Omar Said" --role customer-engineer --email omar@example.com --timezone Europe/Paris --hours 09:00-17:00',
      ) + WRITE_HELP,
    )
    .action(act('people-add'));
  people
    .command('set')
    .argument('<handle>', 'someone on the roster')
    .description("change a person's name, roles, email, GitHub name, time zone, hours or days (one commit)")
    .option('--name <name>', 'new display name')
    .option('--add-role <role>', 'add a role (repeatable)', collect)
    .option('--remove-role <role>', 'remove a role (repeatable); refused while an assignment needs it', collect)
    .option('--email <address>', 'new email address')
    .option('--github <user>', 'GitHub user name')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/London')
    .option('--hours <HH:MM-HH:MM>', 'working hours in their time zone')
    .option('--days <days>', 'working days, e.g. mon,tue,wed,thu')
    .option('--overloaded', 'flag them as overloaded (same as `ase engineers set --overloaded`)')
    .option('--not-overloaded', 'clear the overloaded flag')
    .addOption(dryRun())
    .addHelpText(
      'after',
      examples(
        'ase people set noor --timezone Asia/Dubai --hours 08:00-16:00',
        'ase people set hana --add-role cs-leadership',
        'ase people set amara --remove-role support-engineer --dry-run',
      ) + WRITE_HELP,
    )
    .action(act('people-set'));
  people
    .command('deactivate')
    .argument('<handle>', 'someone on the roster')
    .description('mark someone inactive (kept for history); refused while they are engineer, backup or CE of an active customer')
    .addOption(dryRun())
    .addHelpText(
      'after',
      examples('ase people deactivate gus', 'ase transition acme --to bruno --reason leave && ase people deactivate amara') +
        '\nWhen refused, the message lists each place and the command that frees it.\n' +
        WRITE_HELP,
    )
    .action(act('people-deactivate'));
  people
    .command('activate')
    .argument('<handle>', 'someone on the roster')
    .description('make an inactive person active again')
    .addOption(dryRun())
    .addHelpText('after', examples('ase people activate gus') + WRITE_HELP)
    .action(act('people-activate'));
}
