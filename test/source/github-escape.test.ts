import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { escapeData, escapeProperty, findingsGithub } from '../../src/report/findings-github.js';

describe('GitHub workflow-command escaping', () => {
  it('escapes %, CR and LF in messages, % first so escapes are not escaped twice', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('C:\\reg,1%\n')).toBe('C%3A\\reg%2C1%25%0A');
  });

  it('prints one annotation per finding and a summary line', () => {
    const findings: Finding[] = [
      { rule: 'schema', severity: 'error', file: 'registry/customers/a,b:c.yaml', line: 3, column: 9, message: 'bad: 50%\nsecond line' },
      { rule: 'docs-stale', severity: 'warning', file: 'registry/customers/x.yaml', line: 1, column: 1, message: 'stale, review it' },
    ];
    expect(findingsGithub(findings)).toBe(
      '::error file=registry/customers/a%2Cb%3Ac.yaml,line=3,col=9,title=ase schema::bad: 50%25%0Asecond line\n' +
        '::warning file=registry/customers/x.yaml,line=1,col=1,title=ase docs-stale::stale, review it\n' +
        'ase lint: 1 error, 1 warning\n',
    );
  });
});
