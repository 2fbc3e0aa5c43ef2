import type { MathJaxControlSequences } from './mathjax-control-sequences.js';

/**
 * The math-mode names text mode refuses ("\\name is only supported in math mode"):
 * every name MathJax defines that is neither text mode's own nor one it accepts.
 */
export function mathOnlyInText(list: MathJaxControlSequences): string[] {
  const text = new Set(list.textNames);
  const accepted = new Set(list.acceptedInText);
  return list.names.filter((name) => !text.has(name) && !accepted.has(name));
}
