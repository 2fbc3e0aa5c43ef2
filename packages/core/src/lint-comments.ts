import type { VFile } from 'vfile';
import { SOURCE } from './rule.js';

const UNKNOWN_RULE = /^Cannot (\w+) `'(.+)'`, it’s not known$/u;

/**
 * Rewords remark-message-control's report of a `<!-- lint … -->` comment that
 * names no known rule (its text reads "…it’s not known known" once the rule
 * id `known` is appended): says which comment, which rule, and where to look,
 * as a warning of our own rule id.
 */
export function explainUnknownRuleComments(file: VFile): void {
  for (const message of file.messages) {
    if (message.source !== 'unified-message-control' || message.ruleId !== 'known') continue;
    const match = UNKNOWN_RULE.exec(message.reason);
    const verb = match?.[1] ?? 'ignore';
    const rule = match?.[2] ?? '?';
    message.reason = `\`<!-- lint ${verb} ${rule} -->\`: there is no rule \`${rule}\` (see \`notes lint --list-rules\`)`;
    message.message = message.reason;
    message.ruleId = 'lint-comment-unknown-rule';
    message.source = SOURCE;
    message.fatal = false;
  }
}
