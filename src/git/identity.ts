/** Who git says the user is: the identity a commit made now would carry as its author. */
import { EnvironmentError } from '../errors.js';
import { runGit } from './exec.js';

export interface GitIdentity {
  name: string;
  email: string;
}

/** `Name <email>` as git writes it. */
export function formatIdentity(id: GitIdentity): string {
  return `${id.name} <${id.email}>`;
}

/** Whether `email` (from the roster) is this identity's, compared case-insensitively. */
export function isIdentityOf(id: GitIdentity, email: string | undefined): boolean {
  return email !== undefined && email.trim().toLowerCase() === id.email.trim().toLowerCase();
}

/**
 * The author identity of a commit made now in `root` (`git var GIT_AUTHOR_IDENT`: user.name and
 * user.email, or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL when set, exactly as `git commit` would use them).
 */
export async function gitIdentity(root: string): Promise<GitIdentity> {
  const r = await runGit(root, ['var', 'GIT_AUTHOR_IDENT']);
  const m = r.code === 0 ? /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(r.stdout.trim()) : null;
  if (!m || m[2]!.trim() === '') {
    throw new EnvironmentError(
      'git does not know who you are, so ase cannot tell whose approval this is',
      'set your identity: `git config user.name "Your Name"` and `git config user.email you@example.com` (the email in people.yaml)',
    );
  }
  return { name: m[1]!, email: m[2]! };
}
