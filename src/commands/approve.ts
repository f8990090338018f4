/** `ase approve <slug> --as cs|ce|sales --by <handle>`: records one leadership approval. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { APPROVERS, APPROVER_ROLE, type Approval, type Approver, type Person } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import { formatIdentity, gitIdentity, isIdentityOf, type GitIdentity } from '../git/identity.js';
import { discoverRegistry } from '../registry/discover.js';
import { checkSlugArg } from '../registry/open.js';
import { requireCustomer } from '../write/customer-check.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface ApproveArgs {
  args: [string];
  as: Approver;
  by: string;
  on?: string;
  evidence?: string;
  dryRun?: boolean;
}

/** A link people can open: a scheme and something after it, no spaces. */
function checkEvidence(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/?\/?\S+$/i.test(v) || v.length > 2000) {
    throw new UsageError(
      `--evidence "${value}" is not a link`,
      'give the URL of where the approver gave the approval, e.g. --evidence https://chat.example.com/archives/C01/p1234',
    );
  }
  return v;
}

/**
 * Refuses when the git user is not the approver and no evidence says where the approval was
 * given; returns the identity to name in a Recorded-By trailer when someone else records it.
 */
function checkRecorder(id: GitIdentity | undefined, approver: Person, args: ApproveArgs, slug: string, roster: string): string | undefined {
  if (id === undefined || isIdentityOf(id, approver.email)) return undefined;
  if (args.evidence !== undefined) return formatIdentity(id);
  const retry = `ase approve ${slug} --as ${args.as} --by ${approver.handle} --evidence <url>`;
  if (approver.email === undefined) {
    throw new RefusedError(
      `refused: ${approver.handle} has no email in ${roster}, so approvals for them can only be recorded with evidence; the git user is ${formatIdentity(id)}`,
      `add --evidence with the link where ${approver.handle} gave it (\`${retry}\`), or add ${approver.handle}'s git email to ${roster} so they can approve themselves`,
    );
  }
  throw new RefusedError(
    `refused: the git user is ${formatIdentity(id)}, not ${approver.handle} (${approver.email}); recording someone else's approval needs --evidence <url>`,
    `ask ${approver.handle} to run \`ase approve ${slug} --as ${args.as} --by ${approver.handle}\` themselves, or add --evidence with the link where they gave it (\`${retry}\`)`,
  );
}

export async function run(args: ApproveArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  const evidence = checkEvidence(args.evidence);
  // Outside git only --dry-run gets this far (the write refuses first): there is nobody to check.
  const root = discoverRegistry(io.cwd, globals.registry).gitRoot;
  const id = root !== undefined ? await gitIdentity(root) : undefined;
  const body: string[] = [];
  const trailers: Record<string, string | undefined> = { Approval: args.as, 'Approved-By': args.by, On: on, Evidence: evidence };
  const result = await runWrite(
    {
      action: 'approve',
      slug,
      subject: `approve(${slug}): ${args.as} by ${args.by}`,
      body,
      trailers,
      apply(edit) {
        const c = requireCustomer(edit, slug, ['requested', 'active'], 'approve', 'a closed request cannot be approved; `ase request` starts a new one');
        const approver = requirePerson(edit.before, args.by, '--by', APPROVER_ROLE[args.as]);
        const had = c.approvals[args.as];
        // Approving again what is already recorded writes nothing, so there is nothing to check.
        if (had && had.by === args.by && evidence === undefined) return;
        const recordedBy = checkRecorder(id, approver, { ...args, evidence }, slug, edit.before.files.people);
        trailers['Recorded-By'] = recordedBy;
        if (had && had.by !== args.by) {
          throw new RefusedError(`${slug} already has the ${args.as} approval, by ${had.by} on ${had.on}`, 'each leadership approves once; nothing to do');
        }
        const approval: Approval = { by: args.by, on: had?.on ?? on };
        const link = evidence ?? had?.evidence;
        if (link !== undefined) approval.evidence = link;
        edit.customer(slug).set(['approvals', args.as], approval);
        const done = APPROVERS.filter((a) => a === args.as || c.approvals[a]);
        const missing = APPROVERS.filter((a) => !done.includes(a));
        body.push(`${args.by} approves for ${args.as} leadership: ${done.length} of 3 approvals (${done.join(', ')}).`);
        if (recordedBy) body.push(`Recorded by ${recordedBy} on ${args.by}'s behalf; evidence: ${evidence}.`);
        body.push(
          missing.length > 0
            ? `Still needed: ${missing.join(', ')}.`
            : c.status === 'requested'
              ? `All approvals are in: assign an engineer with ase assign ${slug}.`
              : 'All approvals are in.',
        );
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
