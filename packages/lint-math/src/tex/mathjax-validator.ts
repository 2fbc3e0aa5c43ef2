/**
 * TeX validation with MathJax 3, the engine GitHub renders math with. MathJax
 * is imported on first use only: most commands never see a formula. Only the
 * TeX input jax runs (its parser and filters, which raise every TeX error);
 * no output jax, no document.
 */

import type { MathDocument } from 'mathjax-full/js/core/MathDocument.js';
import type { HTMLMathItem } from 'mathjax-full/js/handlers/html/HTMLMathItem.js';
import type { TeX } from 'mathjax-full/js/input/tex.js';
import { EXCLUDED_PACKAGES, githubTexPackages } from './github-packages.js';

export { EXCLUDED_PACKAGES };

export type TexCheck = (tex: string, display: boolean) => string | undefined;

let loading: Promise<TexCheck> | undefined;

/** Returns a function giving MathJax's error message for a formula, or undefined when it is valid. */
export function loadTexCheck(): Promise<TexCheck> {
  loading ??= createTexCheck();
  return loading;
}

/** What a verdict depends on besides the formula: MathJax's version and its package set. */
export async function mathJaxIdentity(): Promise<string> {
  const { VERSION } = commonJs(await import('mathjax-full/js/components/version.js'));
  return `MathJax ${String(VERSION)}; TeX packages: all but ${EXCLUDED_PACKAGES.join(', ')}; TeX input only; each formula on its own`;
}

interface TexErrorLike {
  readonly message: string;
}

/**
 * MathJax ships CommonJS: Node exposes its exports as named imports, a bundler
 * may only give `default` (module.exports). Accept both.
 */
function commonJs<T extends object>(module: T): T {
  return { ...((module as { default?: T }).default ?? {}), ...module };
}

/** The parts of a MathJax set-up a TeX check needs. */
export interface TexInput {
  /** MathJax's TeX input jax with GitHub's package set, errors thrown instead of rendered. */
  readonly input: TeX<unknown, unknown, unknown>;
  /** The document that wires the input jax up (its parse options, the adaptor); nothing is rendered. */
  readonly document: MathDocument<unknown, unknown, unknown>;
  readonly HTMLMathItem: typeof HTMLMathItem;
}

/** A fresh TeX input jax configured the way GitHub renders math (no macros defined yet). */
export async function createTexInput(): Promise<TexInput> {
  const [{ mathjax }, { TeX }, { liteAdaptor }, { RegisterHTMLHandler }, { AllPackages }, { HTMLMathItem }] = await Promise.all([
    import('mathjax-full/js/mathjax.js').then(commonJs),
    import('mathjax-full/js/input/tex.js').then(commonJs),
    import('mathjax-full/js/adaptors/liteAdaptor.js').then(commonJs),
    import('mathjax-full/js/handlers/html.js').then(commonJs),
    import('mathjax-full/js/input/tex/AllPackages.js').then(commonJs),
    import('mathjax-full/js/handlers/html/HTMLMathItem.js').then(commonJs),
  ]);
  RegisterHTMLHandler(liteAdaptor());
  const input = new TeX({
    packages: githubTexPackages(AllPackages),
    // Throw instead of rendering the error in red, so we can report it.
    formatError: (_jax: unknown, error: unknown) => {
      throw error;
    },
  });
  const document = mathjax.document('', { InputJax: input });
  return { input, document, HTMLMathItem };
}

/**
 * The maps where MathJax keeps what a formula defines, named as its packages
 * name them: newcommand's (`\newcommand`, `\def`, `\let`, `\newenvironment`),
 * ams's `\DeclareMathOperator` and mathtools' `\DeclarePairedDelimiter`.
 */
const DEFINITION_MAPS = ['new-Command', 'new-Delimiter', 'new-Environment', 'ams-declare-ops', 'mathtools-paired-delims'] as const;

interface NameMapLike {
  readonly map?: unknown;
}

/**
 * Returns a function that puts the definition maps back as they are now (in a
 * fresh input jax: what configuration put there, usually nothing).
 * `input.reset()` clears labels and equation numbers but not these maps, so
 * without this a verdict would depend on the formulas checked before it
 * (after `\def\alpha{\foo}`, a plain `\alpha` failed). The maps are found
 * through MathJax's own handler lookup; one that is not a name map fails
 * loudly rather than leaking silently.
 */
function definitionsRestorer(input: TeX<unknown, unknown, unknown>): () => void {
  const saved: [Map<string, unknown>, Map<string, unknown>][] = [];
  for (const name of DEFINITION_MAPS) {
    const found = input.parseOptions.handlers.retrieve(name) as unknown as NameMapLike | null;
    if (!found) continue;
    if (!(found.map instanceof Map)) throw new Error(`MathJax's "${name}" map is not a name map: definitions could leak between formulas`);
    saved.push([found.map as Map<string, unknown>, new Map(found.map as Map<string, unknown>)]);
  }
  return () => {
    for (const [map, initial] of saved) {
      map.clear();
      for (const [key, value] of initial) map.set(key, value);
    }
  };
}

async function createTexCheck(): Promise<TexCheck> {
  const { input, document, HTMLMathItem } = await createTexInput();
  const restoreDefinitions = definitionsRestorer(input);
  return (tex, display) => {
    // Labels and macros must not leak from one formula into the next.
    input.reset();
    restoreDefinitions();
    try {
      input.compile(new HTMLMathItem(tex, input, display), document);
      return undefined;
    } catch (error) {
      const texError = error as TexErrorLike;
      return typeof texError.message === 'string' ? texError.message : String(error);
    }
  };
}
