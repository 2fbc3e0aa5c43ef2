import { createRequire } from 'node:module';
import { githubTexPackages } from '@llm-notes/lint-math';

/**
 * Formulas rendered to SVG with MathJax 3 at build time, with the TeX packages
 * GitHub enables, so pages need no math script. MathJax is CommonJS and its
 * conversion is synchronous, which markdown-it's synchronous render needs.
 */
export interface MathRenderer {
  /** The `<mjx-container>` markup of one formula (MathJax's own error box when the TeX is invalid). */
  render(tex: string, display: boolean): RenderedMath;
  /** The stylesheet the SVG output needs, once per site. */
  readonly css: string;
}

export interface RenderedMath {
  readonly html: string;
  /** MathJax's message when the TeX is invalid (the formula then shows the error, as on GitHub). */
  readonly error: string | undefined;
}

interface LiteAdaptor {
  outerHTML(node: unknown): string;
  textContent(node: unknown): string;
  setAttribute(node: unknown, name: string, value: string): void;
  firstChild(node: unknown): unknown;
  getAttribute(node: unknown, name: string): string | null;
}

const require = createRequire(import.meta.url);

let shared: MathRenderer | undefined;

/** One renderer per process: MathJax's set-up is the slow part, and results are cached by TeX. */
export function mathRenderer(): MathRenderer {
  shared ??= createMathRenderer();
  return shared;
}

function createMathRenderer(): MathRenderer {
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { SVG } = require('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');

  const adaptor = liteAdaptor() as LiteAdaptor;
  RegisterHTMLHandler(adaptor);
  const input = new TeX({ packages: githubTexPackages(AllPackages as string[]) });
  // Glyph paths inline in each formula: no shared <defs> a page could lose.
  const output = new SVG({ fontCache: 'none' });
  const document = mathjax.document('', { InputJax: input, OutputJax: output });
  const cache = new Map<string, RenderedMath>();

  return {
    css: adaptor.textContent(output.styleSheet(document)),
    render(tex, display) {
      const key = `${display ? 'D' : 'I'}${tex}`;
      const known = cache.get(key);
      if (known) return known;
      // Labels and macros must not leak from one formula into the next.
      input.reset();
      const container = document.convert(tex, { display });
      const svg = adaptor.firstChild(container);
      const errorNode = svg === null ? null : findError(adaptor, svg);
      // Vue compiles the page: `v-pre` keeps it from reading anything in the SVG as a template.
      adaptor.setAttribute(container, 'v-pre', '');
      // The TeX as hidden text, as GitHub keeps the source beside its rendering: heading
      // outlines and the search index read text, and an SVG has none.
      const html = adaptor.outerHTML(container).replace(/<\/mjx-container>$/u, `<mjx-tex class="visually-hidden">${escapeText(tex)}</mjx-tex></mjx-container>`);
      const rendered: RenderedMath = { html, error: errorNode ?? undefined };
      cache.set(key, rendered);
      return rendered;
    },
  };
}

/** MathJax marks an invalid formula's output with `data-mjx-error` (the message). */
function findError(adaptor: LiteAdaptor, svg: unknown): string | null {
  const html = adaptor.outerHTML(svg);
  const match = /data-mjx-error="([^"]*)"/u.exec(html);
  return match ? (match[1] ?? '') : null;
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
