import { defineRule, normalizeFragment, report, slugsFor } from '@llm-notes/core';
import { noteFacts } from '../facts.js';
import { closestCandidate } from '../suggest.js';

/** A label that reads like a destination: a URL, `www.`, or a file path. */
const LOOKS_LIKE_URL = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)|\.(?:md|markdown|png|jpe?g|gif|svg|webp|html?|pdf)(?:#.*)?$/iu;

/**
 * `[text][id]` where `id` has no definition: GitHub shows the brackets as
 * plain text. Bracketed prose (`[CLS][原始文本][SEP]`, `[5][4]`) renders as
 * the author meant and is not reported. In a note that defines references
 * an undefined one is an error (a broken link); elsewhere a label that reads
 * like a URL or a file, or names a heading of the note, is a warning
 * (probably meant as a link).
 */
export const linkUndefinedReference = defineRule(
  {
    id: 'link-undefined-reference',
    description: 'A reference link `[text][id]` needs a definition `[id]: url` in the same note.',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: 'See [the paper][lora].\n\n[LoRA-paper]: https://arxiv.org/abs/2106.09685\n',
      messages: [
        '1:5: Reference `[lora]` has no definition; expected a line `[lora]: <url>`',
      ],
      pass: 'See [the paper][lora].\n\n[lora]: https://arxiv.org/abs/2106.09685\n',
    },
  },
  (tree, file) => {
    const facts = noteFacts(tree, String(file.value ?? ''));
    const labels = facts.definitions.map((definition) => definition.label);
    const anchors = new Set(facts.anchors);
    for (const reference of facts.undefinedReferences) {
      const near = closestCandidate(reference.label, labels);
      const namesHeading = anchors.has(normalizeFragment(slugsFor([reference.label])[0] ?? ''));
      // A note that defines references uses them: an undefined one there is a broken link.
      const usesReferences = labels.length > 0;
      if (!usesReferences && !namesHeading && !LOOKS_LIKE_URL.test(reference.label.trim())) continue;
      const hint = near === undefined ? '' : `; did you mean \`[${near}]\`?`;
      report(file, `Reference \`[${reference.label}]\` has no definition; expected a line \`[${reference.label}]: <url>\`${hint}`, reference.position, {
        expected: near === undefined ? undefined : [near],
        warningOnly: !usesReferences,
      });
    }
  },
);
