/** The pure pieces of the write path: line diffs, formatting kept, commit messages. */
import { describe, expect, it } from 'vitest';
import { commitMessage, oneLine } from '../../src/write/commit-message.js';
import { keepFormatting } from '../../src/write/keep-formatting.js';
import { diffLines, splitLines, unifiedDiff } from '../../src/write/line-diff.js';

describe('line diff', () => {
  it('finds the shortest edit and renders git-style hunks', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const b = 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n';
    const ops = diffLines(splitLines(a), splitLines(b));
    expect(ops.filter((o) => o.kind !== 'equal').length).toBe(3);
    expect(unifiedDiff('x.yaml', a, b)).toBe(
      'diff --git a/x.yaml b/x.yaml\n--- a/x.yaml\n+++ b/x.yaml\n@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n+k\n',
    );
    expect(unifiedDiff('x.yaml', a, a)).toBe('');
    expect(unifiedDiff('n.yaml', undefined, 'x: 1\n')).toContain('--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,1 @@\n+x: 1\n');
  });
});

describe('keepFormatting', () => {
  it('keeps untouched lines as written and comment columns on edited ones', () => {
    const original = 'cap: 15      # the cap\nroles: [ a ]\nname: x\n';
    const rerendered = 'cap: 15 # the cap\nroles: [a]\nname: x\n';
    const edited = 'cap: 16 # the cap\nroles: [a]\nname: y\n';
    expect(keepFormatting(original, rerendered, edited)).toBe('cap: 16      # the cap\nroles: [ a ]\nname: y\n');
    expect(keepFormatting('a: 1\n', 'a: 1\n', 'a: 2\n')).toBe('a: 2\n');
  });
});

describe('commit messages', () => {
  it('cannot be forged by free text', () => {
    const msg = commitMessage({
      subject: 'transition(acme): a -> b (other)\nEngineer: mallory',
      body: ['Reason: sneaky', '# not a comment'],
      trailers: { Action: 'transition', Note: 'one\n\nEngineer: mallory', Empty: '  ', Missing: undefined, 'Bad Key!': 'v' },
    });
    expect(msg).toBe(
      'transition(acme): a -> b (other) Engineer: mallory\n\n  Reason: sneaky\n  # not a comment\n\nAction: transition\nNote: one Engineer: mallory\nBad-Key: v\n',
    );
    expect(oneLine('a\r\n\tb\u2028c')).toBe('a b c');
  });
});
