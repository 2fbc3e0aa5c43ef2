import type { ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { VFile } from 'vfile';
import { type JsonMessage, toJsonReport } from './json.js';

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function item(message: JsonMessage): ListItem {
  const where = message.line === null ? '' : ` line ${message.line}`;
  const children: PhrasingContent[] = [
    { type: 'strong', children: [{ type: 'text', value: message.severity }] },
    { type: 'text', value: `${where}: ` },
    // Messages are Markdown already (code spans around URLs and paths): kept as written.
    { type: 'html', value: message.message.replaceAll('\n', ' ') },
  ];
  if (message.ruleId) children.push({ type: 'text', value: ' (' }, { type: 'inlineCode', value: message.ruleId }, { type: 'text', value: ')' });
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
}

/**
 * The findings as a Markdown document (a GitHub issue or job summary): a
 * count, then per file a heading with its path and a list of its findings.
 */
export function formatMarkdown(files: readonly VFile[]): string {
  const report = toJsonReport(files).filter((file) => file.messages.length > 0);
  const messages = report.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.severity === 'error').length;
  const warnings = messages.filter((message) => message.severity === 'warning').length;
  const children: RootContent[] = [];
  if (messages.length === 0) {
    children.push({ type: 'paragraph', children: [{ type: 'text', value: `No problems in ${count(files.length, 'file')}.` }] });
  } else {
    const summary = `${count(messages.length, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')}) in ${count(report.length, 'file')}.`;
    children.push({ type: 'paragraph', children: [{ type: 'text', value: summary }] });
    for (const file of report) {
      children.push({ type: 'heading', depth: 3, children: [{ type: 'inlineCode', value: file.path }] });
      children.push({ type: 'list', ordered: false, spread: false, children: file.messages.map(item) });
    }
  }
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { bullet: '-' });
}
