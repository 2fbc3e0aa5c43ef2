import { COMMENTED_CONFIG_FILE, CONFIG_FILE } from '@llm-notes/core';
import { CONFIG_SCHEMA_FILE } from './config-json-schema.js';
import { type ConfigKey, configKeys } from './config-keys.js';

/** The generated reference page of every config key. */
export const CONFIG_REFERENCE_FILE = 'docs/config.md';

function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const pad = ticks === '``' ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function row(entry: ConfigKey): string {
  const fallback = entry.defaultJson === undefined ? 'none' : code(entry.defaultJson);
  const values = entry.values ? ` One of ${entry.values.map((value) => code(value)).join(', ')}.` : '';
  return `| ${code(entry.key)} | ${cell(fallback)} | ${cell(`${entry.description}${values}`)} |`;
}

/**
 * The config reference (docs/config.md), generated from the zod config
 * schema by `docs`: every key with its default and description.
 */
export function renderConfigReference(): string {
  const keys = configKeys();
  const sections = [...new Set(keys.map((entry) => entry.section))];
  const parts = [
    `# Configuration reference

<!-- Generated from the config schema by the \`docs\` command; do not edit by hand. -->

The toolchain reads one optional file at the repository root: \`${COMMENTED_CONFIG_FILE}\` (JSON
with comments; what \`init\` writes) or \`${CONFIG_FILE}\` (the same keys; comments are
accepted there too). Having both is an error. Every key has a default, so an empty
object is a complete config; unknown keys are errors that name the key. Editors
validate and complete the file with \`"$schema"\` pointing to \`${CONFIG_SCHEMA_FILE}\`.
Paths are relative to the repository root unless the description says otherwise.`,
  ];
  for (const section of sections) {
    const entries = keys.filter((entry) => entry.section === section);
    const head = section === '' ? undefined : entries.find((entry) => entry.key === section);
    parts.push(`## ${section === '' ? 'Top level' : code(section)}`);
    if (head?.description) parts.push(head.description);
    const rows = entries.filter((entry) => entry !== head).map(row);
    parts.push(['| key | default | description |', '| --- | --- | --- |', ...rows].join('\n'));
    if (section === '') {
      parts.push('Rule ids, their default severities and examples: one page per rule in [rules/](rules/).');
    }
  }
  return `${parts.join('\n\n')}\n`;
}
