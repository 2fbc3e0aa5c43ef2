import type { List, ListItem } from 'mdast';

/** One entry of a generated table of contents. */
export interface LinkEntry {
  /** Nesting: an entry goes under the nearest earlier entry of a smaller depth. */
  readonly depth: number;
  /** Shown literally (the serializer escapes what would be markup). */
  readonly text: string;
  readonly url: string;
}

function item(entry: LinkEntry): ListItem {
  return {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: [{ type: 'link', url: entry.url, children: [{ type: 'text', value: entry.text }] }] }],
  };
}

/** A tight bulleted list of links, nested by depth (as mdast, for `generatedMarkdown`). */
export function linkList(entries: readonly LinkEntry[]): List {
  const root: List = { type: 'list', ordered: false, spread: false, children: [] };
  const open: { depth: number; item: ListItem }[] = [];
  for (const entry of entries) {
    while (open.length > 0 && (open.at(-1)?.depth ?? 0) >= entry.depth) open.pop();
    const parent = open.at(-1)?.item;
    const node = item(entry);
    if (parent === undefined) {
      root.children.push(node);
    } else {
      let list = parent.children.find((child): child is List => child.type === 'list');
      if (list === undefined) {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        parent.children.push(list);
      }
      list.children.push(node);
    }
    open.push({ depth: entry.depth, item: node });
  }
  return root;
}
