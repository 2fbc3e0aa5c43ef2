import { describeConfigKey } from '../config-keys.js';

/** One key `init` writes, with the value it found. */
export interface ConfigEntry {
  /** Dotted key, e.g. `readme.title`. */
  readonly key: string;
  readonly value: unknown;
  /** Why this value: what `init` saw. */
  readonly because?: string;
}

function commentLines(text: string, indent: string): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 84) {
      lines.push(`${indent}// ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}// ${line}`);
  return lines;
}

function entryLines(entry: ConfigEntry, name: string, indent: string, last: boolean): string[] {
  const description = describeConfigKey(entry.key);
  if (description === undefined) throw new Error(`init writes \`${entry.key}\`, which the config schema does not have`);
  return [
    ...commentLines(description, indent),
    ...(entry.because ? commentLines(`(${entry.because})`, indent) : []),
    `${indent}${JSON.stringify(name)}: ${JSON.stringify(entry.value)}${last ? '' : ','}`,
  ];
}

/**
 * The text of `notes.config.jsonc`: a header, then each entry preceded by the
 * schema's description of its key as a comment; section keys (`readme.title`)
 * are grouped into their objects. Every value is JSON, so the file is JSON
 * once the comments are gone.
 */
export function renderCommentedConfig(header: string, entries: readonly ConfigEntry[]): string {
  const topLevel = entries.filter((entry) => !entry.key.includes('.'));
  const sections = [...new Set(entries.filter((entry) => entry.key.includes('.')).map((entry) => entry.key.split('.')[0]!))];
  const blocks: string[][] = [];
  topLevel.forEach((entry, index) => {
    const last = index === topLevel.length - 1 && sections.length === 0;
    blocks.push(entryLines(entry, entry.key, '  ', last));
  });
  sections.forEach((section, sectionIndex) => {
    const members = entries.filter((entry) => entry.key.startsWith(`${section}.`));
    const lines = [...commentLines(describeConfigKey(section) ?? '', '  '), `  ${JSON.stringify(section)}: {`];
    members.forEach((entry, index) => {
      if (index > 0) lines.push('');
      lines.push(...entryLines(entry, entry.key.slice(section.length + 1), '    ', index === members.length - 1));
    });
    lines.push(`  }${sectionIndex === sections.length - 1 ? '' : ','}`);
    blocks.push(lines);
  });
  return `${commentLines(header, '').join('\n')}\n{\n${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n}\n`;
}
