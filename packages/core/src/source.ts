/** Source stamped on every message of this toolchain; also the `lint` comment source. */
export const SOURCE = 'llm-notes';
