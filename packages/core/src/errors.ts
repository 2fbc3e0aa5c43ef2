/**
 * An error the user can act on: it names the file (and line when known) and
 * is printed as one line by the CLI, without a stack trace.
 */
export class UserError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, options: { file?: string; line?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.file = options.file;
    this.line = options.line;
  }

  /** `file:line: message`, or the bare message when no file is known. */
  describe(): string {
    if (this.file === undefined) return this.message;
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return `${where}: ${this.message}`;
  }
}
