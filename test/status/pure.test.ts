import { describe, expect, it } from 'vitest';
import { loadBar } from '../../src/report/engineers-text.js';
import { truncate, wrap } from '../../src/report/text-wrap.js';
import { compareItems, type StatusItem } from '../../src/status/items.js';

describe('wrap', () => {
  it('keeps lines within the width and a `command` on one line', () => {
    const text = 'farah has said they are overloaded: the team should rebalance, then `ase engineers set farah --available`';
    const lines = wrap(text, 80, '    ');
    expect(lines).toEqual(['    farah has said they are overloaded: the team should rebalance, then', '    `ase engineers set farah --available`']);
    for (const l of wrap(`${'x'.repeat(200)} a b`, 40, '  ')) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});

describe('compareItems', () => {
  const item = (severity: StatusItem['severity'], kind: StatusItem['kind'], slug: string, days?: number): StatusItem => ({
    severity,
    kind,
    slug,
    days,
    message: '',
  });

  it('orders by severity, then kind, then urgency of days, then name', () => {
    const items = [
      item('info', 'rotation', 'r', 900),
      item('info', 'ending-soon', 'far', 12),
      item('info', 'ending-soon', 'near', 2),
      item('warning', 'checkin-overdue', 'b', 4),
      item('warning', 'checkin-overdue', 'a', 20),
      item('warning', 'expired', 'x', 1),
      item('error', 'lint', 'z'),
    ];
    expect([...items].sort(compareItems).map((i) => i.slug)).toEqual(['z', 'x', 'a', 'b', 'near', 'far', 'r']);
  });
});

describe('loadBar', () => {
  it('fills one block per primary against the maximum, + beyond it', () => {
    expect(loadBar(2, 3)).toBe('██░ 2/3');
    expect(loadBar(0, 3)).toBe('░░░ 0/3');
    expect(loadBar(5, 3)).toBe('███+ 5/3');
  });
});
