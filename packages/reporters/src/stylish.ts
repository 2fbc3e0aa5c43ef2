import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

export interface StylishOptions {
  readonly color?: boolean;
  /** Leave out files without messages. */
  readonly quiet?: boolean;
}

/** The human report: vfile-reporter's stylish output. */
export function formatStylish(files: readonly VFile[], options: StylishOptions = {}): string {
  const text = reporter([...files], { color: options.color ?? false, quiet: options.quiet ?? true });
  // vfile-reporter ends without a newline; the next line printed must not run on.
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
