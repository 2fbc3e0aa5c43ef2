// Builds a math-heavy notes repository for benchmarks: a few dozen notes of
// Chinese prose with thousands of inline and display formulas, generated
// deterministically from the formula corpus the TeX tests use (the
// repository's own notes, the shared corpora when present, templates and
// variants). Mostly valid formulas, a few broken ones, as in notes being written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './benchmark-support.mjs';

const PROSE = [
  '在注意力机制中，查询与键的点积经过缩放后再做归一化，',
  '由此可以看出，模型的计算量随序列长度平方增长，',
  '训练时我们最小化下面的目标函数，',
  '为了数值稳定，通常先减去最大值再取指数，',
  '把这一项展开后得到',
  '其中各符号的含义见上一节，',
  '在实践中，学习率按照余弦曲线衰减，',
];

/**
 * Writes `notes` notes with about `perNote` formulas each under `root`
 * (content/<n>.<chapter>/<m>.<section>.md), a config and a git index.
 * Returns the number of files, formulas, distinct formulas, distinct formulas the
 * TeX pre-check leaves to MathJax (`undecided`) and bytes.
 */
export async function buildMathHeavyRepository(root, { notes = 23, perNote = 260, seed = 14 } = {}) {
  const load = (relative) => import(pathToFileURL(path.join(repoRoot, relative)).href);
  const { formulaCorpus, formulasOfNotes } = await load('packages/lint-math/dist/testing/formula-corpus.js');
  const { provablyValidTex, texPreCheck } = await load('packages/lint-math/dist/tex/tex-fast-check.js');
  const real = formulasOfNotes([path.join(repoRoot, 'content'), ...['awesome-llm-learning', 'llm-action'].map((name) => path.resolve(repoRoot, '../shared/corpora', name))]);
  // Inline formulas cannot span lines or hold `$`; keep the corpus's valid formulas and every tenth of the others.
  const pool = formulaCorpus(real, notes * perNote * 2, seed).filter(
    (formula, index) => !/[\n$`]/u.test(formula.tex) && formula.tex.trim() === formula.tex && (provablyValidTex(formula.tex) || index % 10 === 0),
  );
  let formulas = 0;
  let bytes = 0;
  const distinct = new Set();
  let next = 0;
  for (let note = 0; note < notes; note++) {
    const chapter = Math.floor(note / 4) + 1;
    const lines = [`# ${chapter}.${(note % 4) + 1} 公式笔记 ${note + 1}`, ''];
    for (let paragraph = 0; formulas < (note + 1) * perNote && next < pool.length; paragraph++) {
      if (paragraph % 12 === 0) lines.push(`## 小节 ${paragraph / 12 + 1}`, '');
      const formula = pool[next++];
      distinct.add(formula.tex);
      formulas++;
      if (formula.display) lines.push(PROSE[paragraph % PROSE.length], '', '$$', formula.tex, '$$', '');
      else lines.push(`${PROSE[paragraph % PROSE.length]}记作 $${formula.tex}$ 。`, '');
    }
    const text = `${lines.join('\n')}\n`;
    const file = path.join(root, 'content', `${chapter}.第${chapter}章`, `${(note % 4) + 1}.第${(note % 4) + 1}节.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(path.join(root, 'notes.config.json'), '{}\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  const undecided = [...distinct].filter((tex) => texPreCheck(tex) === undefined).length;
  return { files: notes, formulas, distinct: distinct.size, undecided, bytes };
}
