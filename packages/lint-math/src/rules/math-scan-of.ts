import { report } from '@llm-notes/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { IssueCategory } from '@llm-notes/core';
import { type MathScan, scanMath } from '@llm-notes/core';

/** The math scan of the file being linted (computed once, shared by the rules). */
export function mathScanOf(tree: Root, file: VFile): MathScan {
  return scanMath(tree, String(file.value ?? ''));
}

/** Reports the delimiter findings of one category. */
export function reportIssues(tree: Root, file: VFile, category: IssueCategory): void {
  const scan = mathScanOf(tree, file);
  for (const issue of scan.issues) {
    if (issue.category !== category) continue;
    report(file, issue.message, scan.positions.position(issue.start, issue.end), {
      fix: issue.fix,
      expected: issue.expected,
      note: issue.note,
    });
  }
}
