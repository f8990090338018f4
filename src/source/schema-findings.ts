/** Checks data against its JSON Schema (precompiled by ajv) and words each problem for people. */
import { config, customer, people, 'time-off' as timeOff } from '../generated/validators.cjs';
import type { AjvError } from '../generated/validators.cjs';
import type { NodePath } from '../core/findings.js';

export type FileKind = 'config' | 'people' | 'customer' | 'time-off';

/** A schema problem at a node, before its position is resolved. */
export interface SchemaProblem {
  path: NodePath;
  key: boolean;
  message: string;
}

function pointerToPath(pointer: string): NodePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function fieldName(path: NodePath): string {
  return path.length === 0 ? 'the file' : `\`${path.map(String).join('.')}\``;
}

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(data: unknown, path: NodePath): unknown {
  let v: unknown = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function typeName(value: unknown): string {
  return value === null ? 'nothing (null)' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/** What each JSON type is called for people, and how to write it. */
const TYPE_FIX: Record<string, string> = {
  object: 'a mapping: write `key: value` lines indented under it',
  array: 'a list: write `- item` lines indented under it',
  boolean: 'true or false: write one of them without quotes',
  integer: 'a whole number: write digits without quotes',
  string: 'text: quote it if it looks like a number, date or true/false',
};

const PATTERN_HINTS: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date written YYYY-MM-DD',
  '^[a-z0-9][a-z0-9-]{0,63}$': 'a handle: lowercase letters, digits and hyphens',
  '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$': 'working hours written HH:MM-HH:MM in 24-hour time, such as "09:00-17:00"',
};

function describe(e: AjvError, data: unknown, path: NodePath): SchemaProblem | undefined {
  const where = fieldName(path);
  const value = valueAt(data, path);
  switch (e.keyword) {
    case 'required': {
      const field = String(e.params.missingProperty);
      // A field required by another field's value: point at the field that requires it.
      const cause = e.schemaPath.includes('/allOf/0/')
        ? { at: 'term', why: ' (a temporary assignment needs its end date)' }
        : e.schemaPath.includes('/allOf/1/')
          ? { at: 'status', why: ' (an active assignment needs its engineer)' }
          : undefined;
      if (cause && path.length === 0) return { path: [cause.at], key: true, message: `missing required field \`${field}\`${cause.why}: add it` };
      return { path, key: true, message: `missing required field \`${field}\` in ${where}: add it` };
    }
    case 'additionalProperties': {
      const field = String(e.params.additionalProperty);
      return {
        path: [...path, field],
        key: true,
        message: `unknown field \`${field}\`${path.length ? ` in ${where}` : ''}: remove it or fix its spelling (see the schema)`,
      };
    }
    case 'enum':
      return { path, key: false, message: `${where} is ${show(value)}: use one of ${(e.params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, key: false, message: `${where} must be ${show(e.params.allowedValue)}` };
    case 'type':
      if (path.length === 0 && value === null)
        return { path, key: false, message: 'the file is empty: write its fields as `key: value` lines (see the schema), or delete the file' };
      return { path, key: false, message: `${where} must be ${TYPE_FIX[String(e.params.type)] ?? `a ${String(e.params.type)}`}, got ${typeName(value)}` };
    case 'format':
      return e.params.format === 'date'
        ? { path, key: false, message: `${where} is ${show(value)}, not a real date: write YYYY-MM-DD` }
        : { path, key: false, message: `${where} is ${show(value)}, not a valid ${String(e.params.format)}` };
    case 'pattern':
      return {
        path,
        key: false,
        message: `${where} is ${show(value)}, expected ${PATTERN_HINTS[String(e.params.pattern)] ?? `to match ${String(e.params.pattern)}`}`,
      };
    case 'anyOf':
      return { path, key: false, message: `${where} must be text, or a mapping of why, pros and cons` };
    case 'dependencies': {
      // working_hours is local time: it needs the person's time zone.
      const field = String(e.params.property);
      const needed = String(e.params.missingProperty);
      const example = needed === 'timezone' ? ' (an IANA name such as Europe/London)' : '';
      return { path: [...path, field], key: true, message: `\`${field}\` in ${where} needs \`${needed}\` too: add \`${needed}\`${example}` };
    }
    case 'if':
      return undefined;
    default:
      return { path, key: false, message: `${where} ${e.message ?? 'is invalid'}: fix the value (see the schema)` };
  }
}

const VALIDATORS = { config, customer, people, 'time-off': timeOff };

/** One problem per offending node: several keywords failing on one value say one thing. */
export function schemaProblems(kind: FileKind, data: unknown): SchemaProblem[] {
  const validate = VALIDATORS[kind];
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))) continue;
    const path = pointerToPath(e.instancePath);
    const problem = describe(e, data, path);
    if (!problem) continue;
    const id = `${problem.path.join('/')}|${problem.key}|${String(e.params.missingProperty ?? '')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}
