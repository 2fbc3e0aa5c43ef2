/**
 * Reads, from MathJax itself, every control sequence its TeX input defines
 * with GitHub's package set: the names any map of the `macro` handler knows
 * (commands, string macros, character and delimiter maps). A name outside
 * this list reaches MathJax's fallback, "Undefined control sequence \name".
 * `scripts/generate-tex-names.mjs` writes the list to
 * `mathjax-control-sequences.generated.ts`; a test regenerates it and
 * compares, so a MathJax upgrade that changes it fails loudly.
 */

import { createTexInput } from './mathjax-validator.js';

/** What the generated file holds. */
export interface MathJaxControlSequences {
  readonly mathjax: string;
  /** Sorted by code unit, without the backslash. */
  readonly names: readonly string[];
  /** Every environment name `\\begin`/`\\end` know, sorted; any other is "Unknown environment". */
  readonly environments: readonly string[];
  /** Every delimiter `\\left`, `\\right`, `\\big`… accept, as `GetDelimiter` looks it up (`(`, `\\langle`), sorted. */
  readonly delimiters: readonly string[];
  /** The control sequences text mode (`\\text{…}`, textmacros) defines itself, sorted. */
  readonly textNames: readonly string[];
  /**
   * Math-mode names outside text mode's own that `\\text{\\name}` does not refuse, as MathJax answers
   * for each, sorted. Every other math name is "\\name is only supported in math mode" there
   * (`mathOnlyInText`); this is the short side of that split, so it is the one stored.
   */
  readonly acceptedInText: readonly string[];
}

interface TokenMapLike {
  readonly name: string;
  readonly map?: unknown;
  parse(input: [unknown, string]): unknown;
}

type TexInputLike = Awaited<ReturnType<typeof createTexInput>>['input'];

interface SubHandlerLike {
  readonly _configuration: Iterable<{ item: TokenMapLike }>;
  readonly _fallback: Iterable<{ item: (parser: unknown, name: string) => void }>;
}

/** Loads MathJax (a fresh input jax, no macros defined) and lists the control sequences it defines. */
export async function listMathJaxControlSequences(): Promise<MathJaxControlSequences> {
  const { input, document, HTMLMathItem } = await createTexInput();
  const { VERSION } = await import('mathjax-full/js/components/version.js').then(
    (module: { VERSION?: string; default?: { VERSION: string } }) => ({ VERSION: module.VERSION ?? module.default?.VERSION }),
  );
  const handler = input.parseOptions.handlers.get('macro') as unknown as SubHandlerLike;
  const names = new Set<string>();
  for (const { item: map } of handler._configuration) {
    // Every map of the macro handler keeps its names in a `Map` (AbstractParseMap);
    // a map of another kind (a pattern) could define names no list can hold.
    if (!(map.map instanceof Map)) throw new Error(`MathJax's macro map "${map.name}" is not a name map: the list of defined control sequences cannot be read`);
    for (const key of (map.map as Map<string, unknown>).keys()) {
      // A delimiter map is looked up with a backslash in front (`\langle` under "\\langle").
      if (map.constructor.name === 'DelimiterMap') {
        if (key.startsWith('\\') && key.length > 1) names.add(key.slice(1));
      } else {
        names.add(key);
      }
    }
  }
  // The name MathJax falls back to must be the "undefined" error, not something that hides it.
  const fallback = [...handler._fallback][0]?.item;
  let fallbackError: unknown;
  try {
    fallback?.(undefined, 'notDefinedAnywhere');
  } catch (error) {
    fallbackError = error;
  }
  if ((fallbackError as { id?: string } | undefined)?.id !== 'UndefinedControlSequence') {
    throw new Error("MathJax's fallback for an unknown control sequence is not the \"Undefined control sequence\" error");
  }
  const environments = namesOfHandler(input, 'environment');
  // An unknown environment must reach MathJax's "Unknown environment" error.
  const environmentFallback = [...(input.parseOptions.handlers.get('environment') as unknown as SubHandlerLike)._fallback][0]?.item;
  if (thrownId(() => environmentFallback?.(undefined, 'notAnEnvironment')) !== 'UnknownEnv') {
    throw new Error("MathJax's fallback for an unknown environment is not the \"Unknown environment\" error");
  }
  // A delimiter not in a map is not a delimiter: the handler must have no fallback that accepts more.
  const delimiterHandler = input.parseOptions.handlers.get('delimiter') as unknown as SubHandlerLike;
  if ([...delimiterHandler._fallback].length > 0) throw new Error("MathJax's delimiter handler has a fallback: the list of delimiters cannot be read");
  // Text mode has its own parser and macro map; a name it lacks goes to its fallback.
  const text = input.parseOptions.packageData.get('textmacros') as { parseOptions: TexInputLike['parseOptions'] } | undefined;
  if (text === undefined) throw new Error('MathJax has no textmacros package: text mode cannot be read');
  const textHandler = text.parseOptions.handlers.get('macro') as unknown as SubHandlerLike;
  const textNames = new Set<string>();
  for (const { item: map } of textHandler._configuration) {
    if (!(map.map instanceof Map)) throw new Error(`MathJax's text macro map "${map.name}" is not a name map: its names cannot be read`);
    for (const key of (map.map as Map<string, unknown>).keys()) textNames.add(key);
  }
  // What that fallback does with each math name, asked of MathJax itself.
  const acceptedInText = [...names].filter((name) => {
    if (textNames.has(name)) return false;
    input.reset();
    try {
      input.compile(new HTMLMathItem(`\\text{\\${name}}`, input, false), document);
      return true;
    } catch (error) {
      return (error as Error).message !== `\\${name} is only supported in math mode`;
    }
  });
  return {
    mathjax: String(VERSION),
    names: [...names].sort(),
    environments,
    delimiters: namesOfHandler(input, 'delimiter'),
    textNames: [...textNames].sort(),
    acceptedInText: acceptedInText.sort(),
  };
}

/** The error id `run` throws, if any. */
function thrownId(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { id?: string }).id;
  }
  return undefined;
}

/** Every key of every name map of one of MathJax's handlers (`environment`, `delimiter`), sorted. */
function namesOfHandler(input: TexInputLike, kind: 'environment' | 'delimiter'): string[] {
  const handler = input.parseOptions.handlers.get(kind) as unknown as SubHandlerLike;
  const keys = new Set<string>();
  for (const { item: map } of handler._configuration) {
    if (!(map.map instanceof Map)) throw new Error(`MathJax's ${kind} map "${map.name}" is not a name map: its names cannot be read`);
    for (const key of (map.map as Map<string, unknown>).keys()) keys.add(key);
  }
  return [...keys].sort();
}

/** The generated module's text: the list as a TypeScript constant, one name a line. */
export function generatedModuleText(list: MathJaxControlSequences): string {
  const lines = (items: readonly string[]) => items.map((item) => `    ${JSON.stringify(item)},\n`).join('');
  return [
    '// Generated by scripts/generate-tex-names.mjs from MathJax itself: do not edit.',
    '// The control sequences, environments and delimiters MathJax defines in math mode with the TeX packages GitHub enables.',
    "import type { MathJaxControlSequences } from './mathjax-control-sequences.js';",
    '',
    'export const MATHJAX_CONTROL_SEQUENCES: MathJaxControlSequences = {',
    `  mathjax: ${JSON.stringify(list.mathjax)},`,
    '  names: [',
    `${lines(list.names)}  ],`,
    '  environments: [',
    `${lines(list.environments)}  ],`,
    '  delimiters: [',
    `${lines(list.delimiters)}  ],`,
    '  textNames: [',
    `${lines(list.textNames)}  ],`,
    '  acceptedInText: [',
    `${lines(list.acceptedInText)}  ],`,
    '};',
    '',
  ].join('\n');
}
