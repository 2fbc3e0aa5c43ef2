/**
 * One model of how GitHub reads Markdown. Every package asks here: heading
 * text and anchors, where link destinations lie in the source, HTML elements
 * and attributes, offsets to lines and back, reference labels.
 */
export { type DestinationRange, type SourceRange, type UrlParts, definitionDestinationRange, inlineDestinationRange, labelEnd, splitUrl, unescapeDestination } from './destination-range.js';
export { headingAnchors, headingText, headingsOf } from './heading-text.js';
export { type HtmlAttribute, type HtmlElement, type HtmlReading, htmlAnchors, htmlElements, readHtml } from './html-attributes.js';
export { normalizeLabel } from './reference-label.js';
export { type SourceLocator, type SourcePoint, lineEndOf, lineOfByte, lineOfOffset, lineStartOf, nextLineStartOf, sourceLocator } from './source-location.js';
export { type MathRange, findMathRanges } from './math/math-ranges.js';
export { type MathScan, scanMath } from './math/scan-math.js';
export type { DelimiterIssue, DelimiterIssueKind, Formula, FormulaKind } from './math/formula.js';
export { preview, showChar } from './math/characters.js';
