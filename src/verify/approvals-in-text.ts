/**
 * The approvals a version of a customer file holds, read from its text fast: only the top-level
 * `approvals:` block is parsed (a file's versions differ mostly elsewhere, so equal blocks are
 * parsed once), and the whole text when the block cannot be cut out safely.
 */
import { APPROVERS, type Approval, type Approver } from '../core/model.js';
import { isObject } from '../core/normalise.js';
import { approvalKey } from '../core/rules/approval-unverified.js';

/** The approvals a text holds, each with its key (see approvalKey) to compare versions by. */
export type ApprovalKeys = ReadonlyMap<Approver, { approval: Approval; key: string }>;

const NONE: ApprovalKeys = new Map();
const BLOCK_START = /^approvals[ \t]*:/m;

/** The `approvals:` block of `text`: its key line and every following line that is indented, blank or a comment. */
export function approvalsBlock(text: string): string | undefined {
  return approvalsBlockAt(text)?.block;
}

function approvalsBlockAt(text: string): { block: string; start: number } | undefined {
  const m = BLOCK_START.exec(text);
  if (!m) return undefined;
  let end = text.indexOf('\n', m.index);
  while (end >= 0 && end + 1 < text.length) {
    const c = text[end + 1]!;
    if (c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r') break;
    end = text.indexOf('\n', end + 1);
  }
  return { block: end < 0 ? text.slice(m.index) : text.slice(m.index, end + 1), start: m.index };
}

/** Where an approval's key is: line and column, 1-based. */
export interface KeyPosition {
  line: number;
  column: number;
}

const ROLE_KEY = Object.fromEntries(APPROVERS.map((role) => [role, new RegExp(`\\n([ ]+)${role}[ \\t]*:`)])) as Record<Approver, RegExp>;

/** Lines (1 + newlines) in `text` before `end`. */
function lineAt(text: string, end: number, from = 0, line = 1): number {
  for (let i = text.indexOf('\n', from); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Line and column (1-based) of the `<role>:` key in the approvals block of `text`, found without
 * parsing; undefined when the block is not plainly written (the caller asks the parser).
 */
export function approvalPosition(text: string, role: Approver): KeyPosition | undefined {
  return approvalPositions(text).get(role);
}

/** `approvalPosition` of every role whose key is in the block, from one look at the text. */
export function approvalPositions(text: string): Map<Approver, KeyPosition> {
  const out = new Map<Approver, KeyPosition>();
  const at = approvalsBlockAt(text);
  if (!at) return out;
  const first = lineAt(text, at.start);
  for (const role of APPROVERS) {
    const m = ROLE_KEY[role].exec(at.block);
    if (m) out.set(role, { line: lineAt(at.block, m.index + 1, 0, first), column: m[1]!.length + 1 });
  }
  return out;
}

function keysOf(data: unknown): ApprovalKeys {
  if (!isObject(data) || !isObject(data.approvals)) return NONE;
  const out = new Map<Approver, { approval: Approval; key: string }>();
  for (const role of APPROVERS) {
    const a = data.approvals[role];
    if (!isObject(a) || typeof a.by !== 'string' || typeof a.on !== 'string') continue;
    const approval: Approval = typeof a.evidence === 'string' ? { by: a.by, on: a.on, evidence: a.evidence } : { by: a.by, on: a.on };
    out.set(role, { approval, key: approvalKey(approval) });
  }
  return out;
}

const ROLE_LINE = /^( +)(cs|ce|sales):[ \t]*$/;
const FIELD_LINE = /^( +)(by|on|evidence):[ \t]+([A-Za-z0-9][^\s#'"]*)[ \t]*$/;

/**
 * The data of an approvals block written the way ase writes it (roles, then `by`, `on` and
 * `evidence` with plain one-word values, comments on their own lines), without a YAML parser;
 * undefined for anything else, which the parser reads.
 */
export function plainBlock(block: string): { approvals: Record<string, Record<string, string>> } | undefined {
  const lines = block.split('\n');
  if (!/^approvals:[ \t]*$/.test(lines[0]!)) return undefined;
  const approvals: Record<string, Record<string, string>> = {};
  let role: Record<string, string> | undefined;
  let roleIndent = -1;
  let fieldIndent = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const r = ROLE_LINE.exec(line);
    if (r) {
      if ((roleIndent >= 0 && r[1]!.length !== roleIndent) || r[2]! in approvals) return undefined;
      roleIndent = r[1]!.length;
      role = approvals[r[2]!] = {};
      continue;
    }
    const f = FIELD_LINE.exec(line);
    if (!f || !role || f[1]!.length <= roleIndent || (fieldIndent >= 0 && f[1]!.length !== fieldIndent) || f[2]! in role) return undefined;
    // Words YAML reads as something else than a string stay with the parser.
    if (
      /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|~|[-+]?\.?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+|0o[0-7]+)$/.test(f[3]!) &&
      !/^\d{4}-\d{2}-\d{2}$/.test(f[3]!)
    )
      return undefined;
    if (f[3]!.endsWith(':')) return undefined;
    fieldIndent = f[1]!.length;
    role[f[2]!] = f[3]!;
  }
  return { approvals };
}

const KEY = Buffer.from('approvals');
const NL = 10;

/** The block's bytes in `buf` (as `approvalsBlock` cuts it from text), or undefined when there is no `approvals` key at a line start. */
function blockIn(buf: Buffer): { start: number; end: number } | undefined {
  let at = buf.indexOf(KEY);
  while (at > 0 && buf[at - 1] !== NL) at = buf.indexOf(KEY, at + 1);
  if (at < 0) return undefined;
  let end = buf.indexOf(NL, at);
  while (end >= 0 && end + 1 < buf.length) {
    const c = buf[end + 1];
    if (c !== 32 && c !== 9 && c !== 35 && c !== NL && c !== 13) break;
    end = buf.indexOf(NL, end + 1);
  }
  return { start: at, end: end < 0 ? buf.length : end + 1 };
}

/** Reads approvals from file versions, parsing each distinct block once. */
export class ApprovalsReader {
  private readonly byBlock = new Map<string, ApprovalKeys>();

  constructor(private readonly parse: (text: string) => unknown) {}

  of(text: string): ApprovalKeys {
    const block = approvalsBlock(text);
    if (
      block === undefined ||
      /(?:^|[\s[{,])[*&!]\S|<<|^(?:---|\.\.\.)/m.test(block) ||
      text.indexOf('\napprovals', text.indexOf(block) + block.length - 1) >= 0
    ) {
      return text.includes('approvals') ? keysOf(this.parse(text)) : NONE;
    }
    return this.ofBlock(block);
  }

  private ofBlock(block: string): ApprovalKeys {
    let keys = this.byBlock.get(block);
    if (keys === undefined) {
      keys = keysOf(plainBlock(block) ?? this.parse(block));
      this.byBlock.set(block, keys);
    }
    return keys;
  }

  /** Only the block is decoded: most of a version is check-ins and history. */
  ofBytes(buf: Buffer): ApprovalKeys {
    const at = blockIn(buf);
    const block = at ? buf.toString('utf8', at.start, at.end) : undefined;
    // Aliases, merge keys, tags, a second document or a second `approvals` key could make the block mean something else alone.
    if (
      at === undefined ||
      block === undefined ||
      !/^approvals[ \t]*:/.test(block) ||
      /(?:^|[\s[{,])[*&!]\S|<<|^(?:---|\.\.\.)/m.test(block) ||
      buf.indexOf('\napprovals', at.end - 1) >= 0
    ) {
      return buf.includes(KEY) ? keysOf(this.parse(buf.toString('utf8'))) : NONE;
    }
    return this.ofBlock(block);
  }
}
