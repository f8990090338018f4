/**
 * `approval-unverified`: an approval the history does not tie to its approver. Pure: the caller
 * (`ase verify`) reads git and says, for each approval, which commit introduced it. Not in RULES:
 * `ase lint` stays free of history.
 */
import type { PendingFinding } from '../findings.js';
import { APPROVERS, type Approval, type Approver, type CustomerHead, type Person, type Registry } from '../model.js';

/** Where an approval now in the registry came from. */
export type ApprovalOrigin =
  | { kind: 'commit'; commit: string; name: string; email: string; trailers: Readonly<Record<string, string>> }
  /** In the work tree only: no commit has it yet. */
  | { kind: 'uncommitted' }
  /** No commit in the history adds it (a merge resolved it in, or the history was rewritten). */
  | { kind: 'unknown' };

/** The approval as data, so two versions compare: approver, date and evidence. */
export function approvalKey(a: Approval): string {
  return JSON.stringify([a.by, a.on, a.evidence ?? null]);
}

/** Whether the commit's trailers say `ase approve` recorded this approval. */
export function madeByApprove(trailers: Readonly<Record<string, string>>, role: Approver, approval: Approval): boolean {
  if (trailers.Action !== 'approve') return false;
  if (trailers.Approval !== undefined && trailers.Approval !== role) return false;
  return trailers['Approved-By'] === undefined || trailers['Approved-By'] === approval.by;
}

function sameEmail(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What is wrong with an approval's origin, as the start of a message; undefined when it is verified. */
function problem(role: Approver, a: Approval, origin: ApprovalOrigin, approver: Person | undefined, roster: string): string | undefined {
  const what = `the ${role} approval by ${a.by}`;
  if (origin.kind === 'uncommitted') return `${what} is not committed: no commit shows who made it`;
  if (origin.kind === 'unknown') return `${what} was not added by any commit ase can read (a merge resolution or rewritten history)`;
  const commit = `commit ${origin.commit.slice(0, 12)} by ${origin.name} <${origin.email}>`;
  if (!madeByApprove(origin.trailers, role, a)) return `${what} appeared in ${commit}, which \`ase approve\` did not make (a hand edit)`;
  if (a.evidence !== undefined || sameEmail(origin.email, approver?.email)) return undefined;
  const who = approver?.email === undefined ? `${a.by}, who has no email in ${roster}` : `${a.by} (${approver.email})`;
  return `${what} was recorded in ${commit}, not by ${who}, and has no evidence`;
}

/**
 * One finding per approval in the registry whose origin does not tie it to its approver.
 * `approvalsOf` gives a customer's approvals (the caller reads them: the registry has heads only).
 */
export function approvalUnverified(
  registry: Registry,
  originOf: (c: CustomerHead, role: Approver) => ApprovalOrigin,
  approvalsOf: (c: CustomerHead) => Partial<Record<Approver, Approval>>,
): PendingFinding[] {
  const people = new Map(registry.people.map((p) => [p.handle, p]));
  const severity = registry.config.require_verified_approvals ? 'error' : 'warning';
  const out: PendingFinding[] = [];
  for (const c of registry.customers) {
    const approvals = approvalsOf(c);
    for (const role of APPROVERS) {
      const a = approvals[role];
      if (!a) continue;
      const wrong = problem(role, a, originOf(c, role), people.get(a.by), registry.files.people);
      if (wrong === undefined) continue;
      out.push({
        rule: 'approval-unverified',
        severity,
        file: c.file,
        path: ['approvals', role],
        key: true,
        subject: { slug: c.slug, handle: a.by },
        message: `${wrong}; record where ${a.by} gave it: \`ase approve ${c.slug} --as ${role} --by ${a.by} --evidence <url>\` (or ${a.by} removes it and approves again)`,
      });
    }
  }
  return out;
}
