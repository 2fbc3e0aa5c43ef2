import type { Sharp, SharpOptions } from 'sharp';

export type SharpFactory = (input?: Buffer | Uint8Array, options?: SharpOptions) => Sharp;

let loading: Promise<SharpFactory> | undefined;

/**
 * Loads the image library on first use: it is a large native module, and the
 * other commands (lint, fix…) must not pay for it.
 */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => module.default as unknown as SharpFactory);
  return loading;
}
