import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { tokenizeCjk } from './cjk-tokenize.js';

describe('search tokenizer for Chinese', () => {
  it('splits Chinese into overlapping pairs and other text into words', () => {
    expect(tokenizeCjk('自注意力 self-attention 的 QK^T')).toEqual(['自注', '注意', '意力', 'self', 'attention', '的', 'QK', 'T']);
  });

  it('stands alone, as VitePress sends its source to the browser', () => {
    const revived = new Function(`return ${tokenizeCjk.toString()}`)() as typeof tokenizeCjk;
    expect(revived('缩放点积注意力')).toEqual(tokenizeCjk('缩放点积注意力'));
  });

  it('finds a Chinese word in the middle of a sentence, and not a word that is absent', () => {
    const index = new MiniSearch({ fields: ['text'], tokenize: tokenizeCjk, searchOptions: { combineWith: 'AND', prefix: true } });
    index.addAll([
      { id: 1, text: '多头注意力把隐藏维度切成若干份' },
      { id: 2, text: '学习率预热可以稳定训练' },
    ]);
    expect(index.search('注意力').map((result) => result.id)).toEqual([1]);
    expect(index.search('隐藏维度').map((result) => result.id)).toEqual([1]);
    expect(index.search('预热').map((result) => result.id)).toEqual([2]);
    expect(index.search('注意预热')).toEqual([]);
    // One character matches as the start of a pair.
    expect(index.search('预').map((result) => result.id)).toEqual([2]);
  });
});
