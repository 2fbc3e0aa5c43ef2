import { UserError } from '@llm-notes/core';
import type { Sharp, SharpOptions } from 'sharp';

export type SharpFactory = (input?: Buffer | Uint8Array, options?: SharpOptions) => Sharp;

/** The image library is missing or broken: no image can be processed, so the run stops with this one message. */
export class ImageLibraryUnavailable extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ImageLibraryUnavailable';
  }
}

let loading: Promise<SharpFactory> | undefined;

/**
 * Loads the image library on first use: it is a large native module, and the
 * other commands (lint, fix…) must not pay for it.
 */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(
    (module) => module.default as unknown as SharpFactory,
    (error: unknown) => {
      loading = undefined;
      const code = (error as NodeJS.ErrnoException).code;
      const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
      throw new ImageLibraryUnavailable(
        missing
          ? 'the image library (sharp) is not installed in this checkout; run `pnpm install` first'
          : `the image library (sharp) cannot be loaded on this machine (${(error as Error).message.split('\n')[0]}); run \`pnpm install\` again`,
      );
    },
  );
  return loading;
}
