import { describe, expect, it } from 'vitest';
import { compareNumbered, parseNumberedName } from './numbered-name.js';

describe('parseNumberedName', () => {
  it('keeps every dot after the first in the title', () => {
    expect(parseNumberedName('3.GPT-3.5介绍.md')).toEqual({ number: 3, title: 'GPT-3.5介绍' });
    expect(parseNumberedName('1.训练框架介绍(Megatron-lm、DeepSpeed).md')).toEqual({
      number: 1,
      title: '训练框架介绍(Megatron-lm、DeepSpeed)',
    });
  });

  it('reads folder names and rejects names without a number', () => {
    expect(parseNumberedName('10.附录')).toEqual({ number: 10, title: '附录' });
    expect(parseNumberedName('images')).toBeUndefined();
    expect(parseNumberedName('.md')).toBeUndefined();
  });

  it('orders numerically, then by name by code point', () => {
    const names = ['10.x', '9.y', '2.b', '2.a', '0.intro'].map((name) => ({ name, number: parseNumberedName(name)!.number }));
    expect(names.sort(compareNumbered).map((entry) => entry.name)).toEqual(['0.intro', '2.a', '2.b', '9.y', '10.x']);
  });
});
