/** See display-width.mjs. */
export function rememberingWidth(stringWidth: (text: string, options?: object) => number): (text: string, options?: object) => number;
