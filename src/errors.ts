/** Typed errors: each knows its exit code. Only the entry point turns them into an exit. */

export const EXIT = { ok: 0, findings: 1, usage: 2, environment: 3 } as const;

export class AseError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage or input: unknown flag, unknown customer, bad date (exit 2). */
export class UsageError extends AseError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** A change refused by a rule, or a file that cannot be touched safely (exit 1). */
export class RefusedError extends AseError {
  constructor(message: string, hint?: string) {
    super(message, 1, hint);
  }
}

/** Not a git work tree, git failed, registry locked (exit 3). */
export class EnvironmentError extends AseError {
  constructor(message: string, hint?: string) {
    super(message, 3, hint);
  }
}
