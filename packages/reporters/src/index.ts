import type { VFile } from 'vfile';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { type SarifOptions, formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export { formatGithub } from './github.js';
export { type JsonFileReport, type JsonMessage, formatJson, toJsonReport } from './json.js';
export { formatMarkdown } from './markdown.js';
export { type SarifOptions, type SarifRuleInfo, formatSarif } from './sarif.js';
export { type Severity, severityOf } from './severity.js';
export { type StylishOptions, formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions extends SarifOptions {
  readonly color?: boolean;
}

/** Renders files with the reporter named by `format`. */
export function formatReport(format: Format, files: readonly VFile[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(files);
    case 'github':
      return formatGithub(files);
    case 'sarif':
      return formatSarif(files, options);
    case 'markdown':
      return formatMarkdown(files);
    case 'stylish':
      return formatStylish(files, { color: options.color ?? false });
  }
}
