import { defineRule, report } from '@llm-notes/core';
import { noteFacts } from '../facts.js';
import { closestCandidate } from '../suggest.js';

/** `[text][id]` where `id` has no definition: GitHub shows the brackets as plain text. */
export const linkUndefinedReference = defineRule(
  {
    id: 'link-undefined-reference',
    description: 'A reference link `[text][id]` needs a definition `[id]: url` in the same note.',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: 'See [the paper][lora].\n\n[LoRA-paper]: https://arxiv.org/abs/2106.09685\n',
      pass: 'See [the paper][lora].\n\n[lora]: https://arxiv.org/abs/2106.09685\n',
    },
  },
  (tree, file) => {
    const facts = noteFacts(tree, String(file.value ?? ''));
    const labels = facts.definitions.map((definition) => definition.label);
    for (const reference of facts.undefinedReferences) {
      const near = closestCandidate(reference.label, labels);
      const hint = near === undefined ? '' : `; did you mean \`[${near}]\`?`;
      report(file, `Reference \`[${reference.label}]\` has no definition; expected a line \`[${reference.label}]: <url>\`${hint}`, reference.position, {
        expected: near === undefined ? undefined : [near],
      });
    }
  },
);
