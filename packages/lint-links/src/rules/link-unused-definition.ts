import { defineRule, report } from '@llm-notes/core';
import { noteFacts } from '../facts.js';

/** A definition `[id]: url` that no `[text][id]` uses. */
export const linkUnusedDefinition = defineRule(
  {
    id: 'link-unused-definition',
    description: 'Every link definition `[id]: url` must be used by a reference in the same note.',
    fixable: false,
    defaultSeverity: 'warn',
    docs: {
      fail: 'Text without references.\n\n[lora]: https://arxiv.org/abs/2106.09685\n',
      messages: [
        '3:1: Definition `[lora]` is never used; expected a reference `[text][lora]` or removing it',
      ],
      pass: 'See [LoRA][lora].\n\n[lora]: https://arxiv.org/abs/2106.09685\n',
    },
  },
  (tree, file) => {
    const facts = noteFacts(tree, String(file.value ?? ''));
    const used = new Set(facts.references.map((reference) => reference.identifier));
    for (const definition of facts.definitions) {
      if (used.has(definition.identifier)) continue;
      report(file, `Definition \`[${definition.label}]\` is never used; expected a reference \`[text][${definition.label}]\` or removing it`, definition.position);
    }
  },
);
