import { UserError } from '@llm-notes/core/repository';

/**
 * What chose the rules of a plain `lint` run: those the config enables. The
 * run is recorded under this name and replayed under it (`replayLastRun`).
 */
export const RULES_FROM_CONFIG = 'rules the config enables';

/** Validates `--workers`; undefined when absent. */
export function parseWorkers(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UserError(`--workers must be a whole number, got \`${String(value)}\``);
  return count;
}
