import { UserError } from '@llm-notes/core/repository';
import { FORMATS, type Format } from '@llm-notes/reporters';

export class UsageError extends UserError {}

/** Validates `--format`; stylish when absent. */
export function parseFormat(value: unknown): Format {
  if (value === undefined) return 'stylish';
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format \`${String(value)}\`: expected one of ${FORMATS.join(', ')}`);
}
