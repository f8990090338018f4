/**
 * `ase checkin <slug>`: records the weekly CE check-in (one commit). Answers come from flags; in a
 * terminal the missing ones are asked one at a time, showing the previous check-in's answer.
 * Without a terminal it never prompts: missing answers are left out, and at least one is needed.
 */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { terminalPrompter, type Prompter } from '../cli/prompt.js';
import type { Checkin, Customer, Registry } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import { findCustomer, openRegistry } from '../registry/open.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export type AnswerKey = 'going_well' | 'frustrations' | 'goals' | 'context';

/** The four standing questions, in the order they are asked and stored. */
export const QUESTIONS: ReadonlyArray<{ key: AnswerKey; flag: string; option: keyof CheckinArgs; label: string; question: string }> = [
  { key: 'going_well', flag: '--going-well', option: 'goingWell', label: 'Going well', question: 'What is going well with the customer?' },
  {
    key: 'frustrations',
    flag: '--frustrations',
    option: 'frustrations',
    label: 'Frustrations',
    question: 'What, if anything, is causing frustration for the customer?',
  },
  { key: 'goals', flag: '--goals', option: 'goals', label: 'Goals', question: 'What are we currently trying to make happen with this customer?' },
  {
    key: 'context',
    flag: '--context',
    option: 'context',
    label: 'Context',
    question: 'What context would be useful for any troubleshooting that may come up?',
  },
];

export interface CheckinArgs {
  args: [string];
  with?: string;
  on?: string;
  goingWell?: string;
  frustrations?: string;
  goals?: string;
  context?: string;
  dryRun?: boolean;
}

type Answers = Partial<Record<AnswerKey, string>>;

/** The check-in before `on` (the latest one when several share a date), whose answers are shown. */
export function previousCheckin(c: Customer, on: string): Checkin | undefined {
  let best: Checkin | undefined;
  for (const x of c.checkins) if (x.on <= on && (!best || x.on >= best.on)) best = x;
  return best;
}

/** Asks each question not answered by a flag; Enter skips, "=" keeps the previous answer. */
async function askMissing(prompter: Prompter, c: Customer, who: string, on: string, answers: Answers, previous: Checkin | undefined): Promise<void> {
  const missing = QUESTIONS.filter((q) => answers[q.key] === undefined);
  prompter.say(`Check-in for ${c.name} with ${who} on ${on}\n`);
  prompter.say(`Enter skips a question${previous ? ', "=" keeps the last answer' : ''}; Ctrl-D cancels.\n`);
  for (const [i, q] of missing.entries()) {
    prompter.say(`\n${i + 1}/${missing.length} ${q.question}\n`);
    const last = previous?.[q.key];
    if (last) prompter.say(`    last time (${previous!.on}): ${last}\n`);
    const reply = (await prompter.ask('> ')).trim();
    answers[q.key] = reply === '=' && last ? last : reply;
  }
  prompter.say('\n');
}

function whoWith(registry: Registry, c: Customer, given: string | undefined): string {
  const handle = given ?? c.ce;
  if (handle === undefined) {
    throw new UsageError(`${c.slug} has no CE on file, so say whom the check-in was with`, `ase checkin ${c.slug} --with <handle>`);
  }
  requirePerson(registry, handle, '--with', undefined, true);
  return handle;
}

export async function run(args: CheckinArgs, globals: Globals, io: Io): Promise<number> {
  const { loaded } = await openRegistry(globals, io);
  const { registry } = loaded;
  const c = findCustomer(loaded, args.args[0]);
  if (c.status === 'ended' || c.status === 'rejected') {
    throw new RefusedError(`${c.slug} is ${c.status}: check-ins are for current assignments`, `\`ase show ${c.slug}\` shows its record`);
  }
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  if (on > globals.today) throw new UsageError(`--on ${on} is in the future (today is ${globals.today})`, 'record a check-in on or after the day it happened');
  const withHandle = whoWith(registry, c, args.with);
  const answers: Answers = {};
  for (const q of QUESTIONS) {
    const v = args[q.option];
    if (typeof v === 'string') answers[q.key] = v.trim();
  }
  if (io.interactive && QUESTIONS.some((q) => answers[q.key] === undefined)) {
    const prompter = terminalPrompter();
    try {
      const person = registry.people.find((p) => p.handle === withHandle);
      await askMissing(prompter, c, person ? `${person.name} (${withHandle})` : withHandle, on, answers, previousCheckin(c, on));
    } finally {
      prompter.close();
    }
  }
  const given = QUESTIONS.filter((q) => answers[q.key]);
  if (given.length === 0) {
    throw new UsageError(
      'no answers given: a check-in records at least one of the four answers',
      io.interactive
        ? 'answer at least one question'
        : `pass them as flags, e.g. ase checkin ${c.slug} --going-well "..." --goals "...", or run it in a terminal to be asked`,
    );
  }
  const entry: Record<string, string> = { on, with: withHandle };
  for (const q of given) entry[q.key] = answers[q.key]!;
  const result = await runWrite(
    {
      action: 'checkin',
      slug: c.slug,
      subject: `checkin(${c.slug}): with ${withHandle} on ${on}`,
      body: given.map((q) => `- ${q.label}: ${answers[q.key]}`),
      trailers: { With: withHandle, On: on },
      apply(edit) {
        edit.customer(c.slug).append(['checkins'], entry);
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
