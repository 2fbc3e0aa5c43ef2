import { type DelimiterIssue, type DelimiterIssueKind, type MathScan, report, scanMath } from '@llm-notes/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/** The math scan of the file being linted (computed once per tree, shared by the rules). */
export function mathScanOf(tree: Root, file: VFile): MathScan {
  return scanMath(tree, String(file.value ?? ''));
}

/** How a rule words one finding of the scanner: the message, and a longer note when it helps. */
export interface Wording {
  readonly message: string;
  readonly note?: string;
}

/** A rule's words for the delimiter findings it reports; kinds it leaves out belong to other rules. */
export type DelimiterWording = Partial<Record<DelimiterIssueKind, (issue: DelimiterIssue) => Wording>>;

/** Reports the scanner's delimiter findings of the kinds `wording` covers, worded by the rule, with the scanner's fix. */
export function reportIssues(tree: Root, file: VFile, wording: DelimiterWording): void {
  const scan = mathScanOf(tree, file);
  for (const issue of scan.issues) {
    const word = wording[issue.kind];
    if (!word) continue;
    const { message, note } = word(issue);
    report(file, message, scan.positions.position(issue.start, issue.end), { fix: issue.fix, expected: issue.expected, note });
  }
}
