export { type LintTextOptions, fixText, fixedText, lintText, messageLine, remainingFixes, testLintContext } from './lint-text.js';
export { materializeFixtures } from './fixture-repository.js';
export { type ExpectedMessage, type RuleHarnessOptions, describeRules } from './rule-harness.js';
