import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

export interface StylishOptions {
  readonly color?: boolean;
  /** Leave out files without messages. */
  readonly quiet?: boolean;
}

/** The human report: vfile-reporter's stylish output. */
export function formatStylish(files: readonly VFile[], options: StylishOptions = {}): string {
  return reporter([...files], { color: options.color ?? false, quiet: options.quiet ?? true });
}
