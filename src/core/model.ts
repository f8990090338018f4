/** Domain types of the registry. Pure data: no fs, git, clock or colours here. */

export const SEGMENTS = ['post-sales', 'pre-sales'] as const;
export const TERMS = ['long-term', 'temporary'] as const;
export const STATUSES = ['requested', 'active', 'ended', 'rejected'] as const;
export const ROLES = ['support-engineer', 'customer-engineer', 'cs-leadership', 'ce-leadership', 'sales-leadership'] as const;
export const APPROVERS = ['cs', 'ce', 'sales'] as const;
export const TRANSITION_REASONS = ['stagnating', 'exposure', 'workload', 'leave', 'customer-request', 'other'] as const;

export type Segment = (typeof SEGMENTS)[number];
export type Term = (typeof TERMS)[number];
export type Status = (typeof STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type Approver = (typeof APPROVERS)[number];
export type TransitionReason = (typeof TRANSITION_REASONS)[number];

/** The leadership role that gives each approval. */
export const APPROVER_ROLE: Record<Approver, Role> = {
  cs: 'cs-leadership',
  ce: 'ce-leadership',
  sales: 'sales-leadership',
};

export interface Config {
  cap: number;
  max_per_engineer: number;
  checkin_every_days: number;
  checkin_grace_days: number;
  docs_stale_after_days: number;
  ends_soon_days: number;
  require_approvals: boolean;
  /** `ase verify` reports unverified approvals as errors. */
  require_verified_approvals: boolean;
  rotation_hint_days: number;
  communicate_within_days: number;
  max_away_at_once: number;
}

export const DEFAULT_CONFIG: Config = {
  cap: 15,
  max_per_engineer: 3,
  checkin_every_days: 7,
  checkin_grace_days: 3,
  docs_stale_after_days: 90,
  ends_soon_days: 14,
  require_approvals: false,
  require_verified_approvals: false,
  rotation_hint_days: 365,
  communicate_within_days: 7,
  max_away_at_once: 2,
};

export interface Person {
  handle: string;
  name: string;
  roles: Role[];
  email?: string;
  /** GitHub user name (without @). */
  github?: string;
  timezone?: string;
  working_hours?: string;
  working_days?: string[];
  active: boolean;
  overloaded: boolean;
}

export interface Dated {
  by: string;
  on: string;
}

/** A leadership approval; `evidence` links where the approver gave it, when someone else recorded it. */
export interface Approval extends Dated {
  evidence?: string;
}

export interface Request extends Dated {
  reason?: string;
}

export interface Checkin {
  on: string;
  with: string;
  going_well?: string;
  frustrations?: string;
  goals?: string;
  context?: string;
}

/** What a history entry records; `told` is the telling of a post-sales customer (engineer and backup announced). */
export const HISTORY_EVENTS = ['assigned', 'transition', 'ended', 'told'] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

export interface HistoryEntry {
  on: string;
  event: HistoryEvent;
  engineer?: string;
  backup?: string;
  reason?: string;
  note?: string;
}

export interface Docs {
  design_doc?: string;
  updated_on?: string;
  salesforce_synced_on?: string;
}

/**
 * What listings, the cap, workload and coverage need of a customer: small fields, known for every
 * customer of a registry. Plain data, like every model type: reading a field never does IO.
 */
export interface CustomerHead {
  slug: string;
  /** Path of the customer's file as shown to people (relative to the git work tree). */
  file: string;
  name: string;
  /** The file gives a name (else `name` is the slug). */
  named: boolean;
  segment?: Segment;
  term?: Term;
  ends_on?: string;
  status?: Status;
  engineer?: string;
  backup?: string;
  communicated?: boolean;
  ce?: string;
  since?: string;
  ended_on?: string;
}

/** A customer with its details: what the per-customer rules, `show` and the page read. */
export interface Customer extends CustomerHead {
  /** When the customer was told of the current engineer and backup (absent when not known). */
  communicated_on?: string;
  request?: Request;
  approvals: Partial<Record<Approver, Approval>>;
  rejection?: Request;
  docs: Docs;
  environment?: { note?: string; link?: string; updated_on?: string };
  checkins: Checkin[];
  history: HistoryEntry[];
  /** Everything stored in the file, as read (for `show`). */
  raw: Record<string, unknown>;
}

/** Where each registry file lives, as shown to people. */
export interface RegistryFiles {
  config: string;
  people: string;
  customersDir: string;
  page: string;
  /** registry/time-off.yaml (section 6); derived from `people` when absent. */
  timeOff?: string;
}

/** One entry of time-off.yaml: a support engineer away from `from` to `to` (inclusive). */
export interface TimeOff {
  handle: string;
  from: string;
  to: string;
  note?: string;
  /** Customer slug -> handle of who takes it when the backup cannot. */
  cover: Record<string, string>;
  /** Index of the entry under `time_off:` in the file (for positions). */
  index: number;
}

export interface Registry {
  files: RegistryFiles;
  config: Config;
  people: Person[];
  /** Every customer's head; a reader gives the details of one when asked (see registry/build.ts). */
  customers: CustomerHead[];
  /** Entries of time-off.yaml; absent or empty when the registry has none. */
  timeOff?: TimeOff[];
}

/** A registry with every customer's details at hand (tests, the plain reader, a page of all customers). */
export interface DetailedRegistry extends Registry {
  customers: Customer[];
}
