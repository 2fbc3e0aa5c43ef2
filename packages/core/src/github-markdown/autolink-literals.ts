import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * GitHub turns text into a link by itself only where one text node holds `@`
 * (e-mail, `mailto:`, `xmpp:`), `://` (`http://`, `https://`) or `www.`, in
 * any case: GFM's autolink-literal extension. A block without such text gains
 * no literal link, whatever else it holds.
 */
const MAY_HOLD_LITERAL_LINK = /@|:\/\/|www\./iu;

type AnyNode = { type: string; value?: unknown; children?: AnyNode[] };

/** Whether some text node in `node` holds what a literal autolink needs (walked without recursion: notes nest deeply). */
function mayHoldLiteralLink(node: AnyNode): boolean {
  const stack: AnyNode[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'text' && typeof next.value === 'string' && MAY_HOLD_LITERAL_LINK.test(next.value)) return true;
    if (next.children) for (const child of next.children) stack.push(child);
  }
  return false;
}

type Transform = (tree: Root) => Root | undefined | void;
type FromMarkdownExtension = { enter?: Record<string, unknown>; transforms?: Transform[] };

/**
 * The GFM autolink-literal step of mdast-util-gfm-autolink-literal runs its
 * four patterns as four walks over the whole tree, a regex test on every text
 * node (5 % of a cold lint of math-heavy notes). Its replacements stay inside
 * the text node they come from, and no literal link starts in a block that
 * `mayHoldLiteralLink` rules out, so the same step run on only the top-level
 * blocks that may hold one gives the same tree.
 */
function onlyWhereLinksCanBe(transform: Transform): Transform {
  return (tree) => {
    // Top-level nodes are blocks (never a link, whose text the step leaves alone), so each is a tree of its own to it.
    if (tree.children.some((child) => child.type === 'text')) return transform(tree);
    for (const block of tree.children) {
      if (mayHoldLiteralLink(block as AnyNode)) transform(block as unknown as Root);
    }
    return undefined;
  };
}

/**
 * Unified plugin, used after remark-gfm: narrows GFM's autolink-literal step
 * (the mdast extension that handles `literalAutolink` tokens) to the blocks
 * where GitHub could find a literal link. The syntax tree is unchanged.
 */
export function autolinkLiteralsWhereTheyCanBe(this: Processor): void {
  const visit = (extensions: unknown[]): void => {
    for (const [index, extension] of extensions.entries()) {
      if (Array.isArray(extension)) {
        visit(extension);
        continue;
      }
      const candidate = extension as FromMarkdownExtension;
      if (candidate.enter && 'literalAutolinkEmail' in candidate.enter && candidate.transforms) {
        extensions[index] = { ...candidate, transforms: candidate.transforms.map(onlyWhereLinksCanBe) };
      }
    }
  };
  visit((this.data('fromMarkdownExtensions') ?? []) as unknown[]);
}
