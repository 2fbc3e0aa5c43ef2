import type { VFile } from 'vfile';
import { toJsonReport } from './json.js';

export interface SarifRuleInfo {
  readonly id: string;
  readonly description: string;
  readonly helpUri?: string;
}

export interface SarifOptions {
  /** The tool named in the log: the caller's message source, so results and tool agree. */
  readonly toolName: string;
  readonly toolVersion?: string;
  /** Rules to describe in `tool.driver.rules` (from the rules table). */
  readonly rules?: readonly SarifRuleInfo[];
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A SARIF 2.1.0 log, for code-scanning upload. */
export function formatSarif(files: readonly VFile[], options: SarifOptions): string {
  const results = toJsonReport(files).flatMap((file) =>
    file.messages.map((message) => ({
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      level: LEVEL[message.severity],
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path) },
            ...(message.line === null
              ? {}
              : {
                  region: {
                    startLine: message.line,
                    ...(message.column === null ? {} : { startColumn: message.column }),
                    ...(message.endLine === null ? {} : { endLine: message.endLine }),
                    ...(message.endColumn === null ? {} : { endColumn: message.endColumn }),
                  },
                }),
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: (options.rules ?? []).map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
