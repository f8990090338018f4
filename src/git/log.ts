/** Reads the commits that touched one file, following renames, with their trailers. */
import { git } from './exec.js';

export interface FileCommit {
  commit: string;
  author: string;
  email: string;
  /** Commit date, YYYY-MM-DD. */
  date: string;
  subject: string;
  trailers: Record<string, string>;
}

/** Parses `Key: value` trailer lines (unfolded), first occurrence of each key wins. */
export function parseTrailers(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (m && !(m[1]! in out)) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

/** Commits touching `path` (relative to `root`), oldest first, following renames. */
export async function fileCommits(root: string, path: string): Promise<FileCommit[]> {
  const format = '%H%x1f%an%x1f%ae%x1f%cs%x1f%s%x1f%(trailers:only,unfold)%x1e';
  const out = await git(root, ['--literal-pathspecs', 'log', '--follow', `--format=${format}`, '--', path]);
  const commits: FileCommit[] = [];
  for (const record of out.split('\x1e')) {
    const r = record.replace(/^\n+/, '');
    if (r.trim() === '') continue;
    const [commit, author, email, date, subject, trailers] = r.split('\x1f');
    commits.push({ commit: commit!, author: author!, email: email!, date: date!, subject: subject!, trailers: parseTrailers(trailers ?? '') });
  }
  return commits.reverse();
}
