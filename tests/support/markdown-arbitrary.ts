import fc from 'fast-check';

/** Pieces of real notes: CJK prose, math in every form, images, links, HTML, code, tables. */
const inline = fc.constantFrom(
  '注意力机制',
  '，',
  '。',
  ' ',
  'token',
  ' $d_k$ ',
  '$x$',
  '，$W_k$',
  '$ x $',
  '$$x$$',
  ' $`\\{a\\}`$ ',
  '$a}_{b$',
  '\\(x\\)',
  '$5 and $10',
  '\\$',
  '$⋅$',
  '`code $x$ ![a](b.png)`',
  '![图](./images/a.png)',
  '![alt "q" [b]](<./images/a b.png> "title")',
  '[链接](./1.注意力.md#1-问题)',
  '[坏链接](./missing.md#nowhere)',
  '[ref][r1]',
  '<img src="./images/a.png" alt="a">',
  '<a href="../x.md">x</a>',
  'https://example.com',
  'www.example.com',
  '**粗体**',
  '_斜体_',
  '|',
  '<',
  '*',
  '\\\\',
);

const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

const block = fc.oneof(
  line,
  line.map((text) => `#### ${text}`),
  fc.constantFrom(
    '![图](./images/a.png)',
    '<p align="center"><img width="900" alt="图" src="./images/a.png"></p>',
    '<p align="center">\n  <img src="./images/a.png" alt="图" width="900">\n</p>',
    '```math\n\\frac{a}{b} \\\\ \\{x\\}\n```',
    '$$\n\\sum_i x_i\n$$',
    '$$\n\na\n$$',
    '```python\nx = "![a](b.png)"  # $x$\n```',
    '    indented code ![a](b.png)',
    '<!-- toc -->\n- old\n<!-- tocstop -->',
    '<!-- lint disable -->',
    '[r1]: ./images/a.png',
    '[unused]: ./nowhere.md',
    '| a | $b|c$ |\n| - | - |\n| 1 | 2 |',
    '---',
  ),
  line.map((text) => `> ${text}`),
  line.map((text) => `> ![图](./images/a.png)\n> ${text}`),
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n  ![图](./images/a.png)\n- ${b}`),
  fc.tuple(line, line).map(([a, b]) => `1. ${a}\n   ${b}\n\n   ![图](./images/a.png)`),
  line.map((text) => `- 列表\n\t- ${text}\n\t  ![图](./images/a.png)`),
  line.map((text) => `${text}\n![图](./images/a.png)\n${text}`),
);

export interface MarkdownCase {
  readonly text: string;
  readonly crlf: boolean;
  readonly bom: boolean;
}

/** A whole note: blocks joined by one or two newlines, optionally CRLF and with a BOM. */
export const markdownNote: fc.Arbitrary<MarkdownCase> = fc
  .record({
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 8 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ blocks, crlf, bom }) => {
    const lf = `${blocks.map(([text, gap]) => text + gap).join('')}`;
    return { text: crlf ? lf.replace(/\n/gu, '\r\n') : lf, crlf, bom };
  });

/** Runs per property: a few hundred by default, `FUZZ_RUNS` for longer local runs. */
export function fuzzRuns(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** fast-check parameters: the run count, and a replayable seed from `FUZZ_SEED`. */
export function fuzzParameters(fallbackRuns: number): { numRuns: number; seed?: number } {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: fuzzRuns(fallbackRuns), ...(Number.isInteger(seed) ? { seed } : {}) };
}
