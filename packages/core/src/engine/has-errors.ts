import type { VFile } from 'vfile';

/** True when any finding of `files` is an error (the run exits 1). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
