import { describe, expect, it } from 'vitest';
import { loadTexCheck } from './mathjax-validator.js';

describe('MathJax validation', () => {
  it('judges each formula on its own: what one formula defines is gone for the next', async () => {
    const check = await loadTexCheck();
    const cases: [string, string | undefined][] = [
      ['\\def\\alpha{\\foo}', undefined],
      // Redefined by the formula before, \alpha would now expand to the undefined \foo.
      ['\\alpha', undefined],
      ['\\newcommand{\\R}{\\mathbb{R}} \\R', undefined],
      ['\\R', 'Undefined control sequence \\R'],
      ['\\DeclareMathOperator{\\argmax}{arg\\,max} \\argmax', undefined],
      ['\\argmax', 'Undefined control sequence \\argmax'],
      ['\\newenvironment{pair}{(}{)} \\begin{pair}x\\end{pair}', undefined],
      ['\\begin{pair}x\\end{pair}', 'Unknown environment \'pair\''],
      ['\\DeclarePairedDelimiter{\\abs}{\\lvert}{\\rvert} \\abs{x}', undefined],
      ['\\abs{x}', 'Undefined control sequence \\abs'],
      ['\\let\\frac\\relax', undefined],
      ['\\frac{a}{b}', undefined],
    ];
    expect(cases.map(([tex]) => [tex, check(tex, false)])).toEqual(cases);
  });
});
