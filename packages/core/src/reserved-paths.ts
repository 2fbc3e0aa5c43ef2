/** The repository's write lock, at the root. */
export const LOCK_FILE = '.llm-notes.lock';

/**
 * The one folder where the toolchain makes its temp files (then renames them
 * into place): no user file is ever created or removed outside what a
 * command owns because of a temp name.
 */
export const TEMP_FOLDER = '.cache/tmp';

/** The folder of the toolchain's caches and temp files, at the root; `init` git-ignores it. */
export const CACHE_FOLDER = '.cache';

/** Paths (relative to the root, lower case) no config output may name. */
export const RESERVED_PATHS: readonly string[] = [LOCK_FILE, TEMP_FOLDER];
