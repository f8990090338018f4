/** Reading approvals from a file version by its `approvals:` block, and falling back to the whole text. */
import { describe, expect, it } from 'vitest';
import { approvalKey } from '../../src/core/rules/approval-unverified.js';
import { yamlData } from '../../src/source/yaml-data.js';
import { ApprovalsReader, approvalPosition, approvalsBlock, plainBlock } from '../../src/verify/approvals-in-text.js';

/** Role -> approval key, for the approvals `text` holds. */
function read(text: string): Record<string, string> {
  return Object.fromEntries([...new ApprovalsReader(yamlData).of(text)].map(([role, { key }]) => [role, key]));
}

const entry = (by: string, on: string, evidence?: string) => approvalKey(evidence === undefined ? { by, on } : { by, on, evidence });

describe('approvals in a file version', () => {
  it('cuts the block at the next top-level key, keeping comments and blank lines inside it', () => {
    const text = 'name: A\napprovals:\n  cs:\n    by: kim\n# a comment\n\n    on: 2026-01-02\nrationale: x\n';
    expect(approvalsBlock(text)).toBe('approvals:\n  cs:\n    by: kim\n# a comment\n\n    on: 2026-01-02\n');
    expect(read(text)).toEqual({ cs: entry('kim', '2026-01-02') });
  });

  it('reads evidence, also when its link has & and ! in it', () => {
    const text = 'approvals:\n  ce:\n    by: leo\n    on: 2026-01-02\n    evidence: https://x.example/t?a=1&b=2!\n';
    expect(read(text)).toEqual({ ce: entry('leo', '2026-01-02', 'https://x.example/t?a=1&b=2!') });
  });

  it('reads flow style, aliases and a repeated key through the whole text, as the registry reads them', () => {
    expect(read('approvals: {sales: {by: maya, on: 2026-01-02}}\n')).toEqual({ sales: entry('maya', '2026-01-02') });
    // ase refuses anchors and aliases (yaml-syntax): such a version holds no approval, as the registry reads it.
    expect(read('who: &w maya\napprovals:\n  sales:\n    by: *w\n    on: 2026-01-02\n')).toEqual({});
    // Two `approvals` keys make the file unreadable as data: nothing is taken from either.
    expect(read('approvals:\n  cs:\n    by: kim\n    on: 2026-01-02\nx: 1\napprovals:\n  cs:\n    by: eve\n    on: 2026-01-02\n')).toEqual({});
    expect(read('name: no approvals here\n')).toEqual({});
  });

  it('finds the line and column of a role key without parsing', () => {
    const text = 'name: A\napprovals:\n  cs:\n    by: kim\n    on: 2026-01-02\n  sales:\n    by: maya\n    on: 2026-01-03\n';
    expect(approvalPosition(text, 'sales')).toEqual({ line: 6, column: 3 });
    expect(approvalPosition(text, 'ce')).toBeUndefined();
  });

  it('reads plain blocks without the parser exactly as the parser does, and leaves the rest to it', () => {
    const plain = [
      'approvals:\n  cs:\n    by: kim\n    on: 2026-01-02\n',
      'approvals:\n  ce:\n    by: leo\n    # where\n    evidence: https://x.example/a?b=1&c=2\n    on: 2026-01-02\n  sales:\n    by: maya\n    on: 2026-01-03\n',
      'approvals:\n    cs:\n      by: kim\n      on: 2026-01-02\n',
    ];
    for (const block of plain) expect(plainBlock(block), block).toEqual(yamlData(block));
    const other = [
      'approvals:\n  cs:\n    by: kim\n    on: 2026\n',
      'approvals:\n  cs:\n    by: "kim"\n    on: 2026-01-02\n',
      'approvals:\n  cs:\n    by: kim # note\n    on: 2026-01-02\n',
      'approvals:\n  cs:\n    by: kim\n    by: eve\n',
      'approvals:\n  cs: {by: kim, on: 2026-01-02}\n',
      'approvals:\n  cs:\n    by: null\n    on: 2026-01-02\n',
      'approvals:\n  cs:\n    by: kim\n   on: 2026-01-02\n',
    ];
    for (const block of other) expect(plainBlock(block), block).toBeUndefined();
  });
});
