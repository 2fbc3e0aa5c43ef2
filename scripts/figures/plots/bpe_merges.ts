// BPE merge steps on a tiny corpus. The merges, pair counts and vocabulary
// are computed here by running BPE, then drawn as SVG.
import { C, esc, r1, svgOpen } from './common.js';

const CORPUS: ReadonlyArray<readonly [string, number]> = [
  ['low', 5],
  ['lower', 2],
  ['newest', 6],
  ['widest', 3],
];
const MERGES = 6;

type Split = string[];

/** Pair counts weighted by word frequency, in order of first occurrence. */
function countPairs(splits: Split[]): Map<string, number> {
  const counts = new Map<string, number>();
  splits.forEach((toks, w) => {
    const freq = CORPUS[w]?.[1] ?? 0;
    for (let i = 0; i + 1 < toks.length; i++) {
      const key = `${toks[i]} ${toks[i + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + freq);
    }
  });
  return counts;
}

/** Most frequent pair; ties go to the pair seen first. */
function bestPair(counts: Map<string, number>): [string, number] {
  let best: [string, number] = ['', -1];
  for (const [pair, n] of counts) if (n > best[1]) best = [pair, n];
  return best;
}

function applyMerge(toks: Split, a: string, b: string): Split {
  const out: Split = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i] === a && toks[i + 1] === b) {
      out.push(a + b);
      i++;
    } else {
      out.push(toks[i] ?? '');
    }
  }
  return out;
}

interface Step {
  splits: Split[];
  merge?: { a: string; b: string; count: number };
}

function runBpe(): { steps: Step[]; initialCounts: Map<string, number>; baseVocab: string[] } {
  let splits: Split[] = CORPUS.map(([w]) => [...w]);
  const baseVocab = [...new Set(splits.flat())].sort();
  const initialCounts = countPairs(splits);
  const steps: Step[] = [{ splits }];
  for (let k = 0; k < MERGES; k++) {
    const [pair, count] = bestPair(countPairs(splits));
    const [a = '', b = ''] = pair.split(' ');
    splits = splits.map((t) => applyMerge(t, a, b));
    steps.push({ splits, merge: { a, b, count } });
  }
  return { steps, initialCounts, baseVocab };
}

// ---- drawing -------------------------------------------------------------

const CHIP_H = 32;
const chipW = (tok: string): number => 10 * tok.length + 12;
const GAP = 4;
const rowWidth = (toks: Split): number => toks.reduce((s, t) => s + chipW(t), 0) + GAP * (toks.length - 1);

function chip(x: number, y: number, tok: string, kind: 'char' | 'merged' | 'new'): string {
  const fill = kind === 'new' ? C.orangeFill : kind === 'merged' ? C.blueFill : C.grayFill;
  const stroke = kind === 'new' ? C.orange : kind === 'merged' ? C.blue : C.gray;
  const w = chipW(tok);
  return (
    `<rect x="${r1(x)}" y="${y}" width="${w}" height="${CHIP_H}" rx="5" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>` +
    `<text x="${r1(x + w / 2)}" y="${y + 23}" text-anchor="middle" style="font-size:19px">${esc(tok)}</text>`
  );
}

export function bpeMergesSvg(): string {
  const { steps, initialCounts, baseVocab } = runBpe();
  const W = 800;
  const out: string[] = [];

  // Table geometry: merge rule | one column per word (chips or header, whichever is wider).
  const xRule = 24;
  const xWords = 222;
  const colGap = 14;
  const header = CORPUS.map(([word, freq]) => `${word} ×${freq}`);
  const colW = CORPUS.map((_, w) =>
    Math.max(11 * (header[w] ?? '').length, ...steps.map((s) => rowWidth(s.splits[w] ?? []))),
  );
  const colX: number[] = [];
  let x = xWords;
  for (const cw of colW) {
    colX.push(x);
    x += cw + colGap;
  }

  const yHead = 96;
  const rowH = 48;
  const y0 = 112;

  out.push(`<text class="title" x="${W / 2}" y="42" text-anchor="middle">BPE：从字符开始，反复合并最常见的相邻对</text>`);
  out.push(`<text class="b" x="${xRule}" y="${yHead}">合并规则（频次）</text>`);
  header.forEach((h, w) => {
    out.push(`<text class="b" x="${r1(colX[w] ?? 0)}" y="${yHead}">${esc(h)}</text>`);
  });

  steps.forEach((step, k) => {
    const y = y0 + k * rowH;
    if (k % 2 === 0) out.push(`<rect x="16" y="${y - 4}" width="${W - 32}" height="${rowH}" fill="#f9fafb"/>`);
    const newTok = step.merge ? step.merge.a + step.merge.b : '';
    const rule = step.merge
      ? `${String.fromCodePoint(0x2460 + k - 1)} ${esc(step.merge.a)}+${esc(step.merge.b)} → <tspan class="b" fill="${C.orange}">${esc(newTok)}</tspan>（${step.merge.count}）`
      : '初始：单个字符';
    out.push(`<text x="${xRule}" y="${y + 24}">${rule}</text>`);
    step.splits.forEach((toks, w) => {
      let cx = colX[w] ?? 0;
      for (const t of toks) {
        const kind = t === newTok ? 'new' : t.length > 1 ? 'merged' : 'char';
        out.push(chip(cx, y, t, kind));
        cx += chipW(t) + GAP;
      }
    });
  });

  // Initial pair counts as a bar chart.
  const yChartTop = y0 + steps.length * rowH + 40;
  out.push(`<text class="b" x="24" y="${yChartTop}">第 1 次合并前的相邻对计数（每次出现按词频累加）</text>`);
  const pairs = [...initialCounts.entries()].sort((p, q) => q[1] - p[1]);
  const maxCount = Math.max(...pairs.map((p) => p[1]));
  const barAreaTop = yChartTop + 40;
  const barMaxH = 120;
  const barBase = barAreaTop + barMaxH;
  const slot = (W - 48) / pairs.length;
  const firstBest = bestPair(initialCounts)[0];
  pairs.forEach(([pair, n], i) => {
    const h = (n / maxCount) * barMaxH;
    const bx = 24 + i * slot + slot * 0.18;
    const bw = slot * 0.64;
    const chosen = pair === firstBest;
    out.push(
      `<rect x="${r1(bx)}" y="${r1(barBase - h)}" width="${r1(bw)}" height="${r1(h)}" fill="${chosen ? C.orangeFill : C.blueFill}" stroke="${chosen ? C.orange : C.blue}" stroke-width="1.5"/>`,
    );
    out.push(`<text x="${r1(bx + bw / 2)}" y="${r1(barBase - h - 8)}" text-anchor="middle">${n}</text>`);
    out.push(`<text x="${r1(bx + bw / 2)}" y="${barBase + 26}" text-anchor="middle">${esc(pair)}</text>`);
  });
  out.push(`<line x1="24" y1="${barBase}" x2="${W - 24}" y2="${barBase}" stroke="${C.axis}" stroke-width="1.5"/>`);
  const ties = pairs.filter((p) => p[1] === maxCount).map((p) => p[0]);
  const tieNote = ties.length > 1 ? `${ties.join(' 与 ')} 同为 ${maxCount} 次，取先出现的 ${firstBest}；` : '';
  out.push(`<text class="note" x="24" y="${barBase + 58}">${esc(tieNote)}合并后重新计数，再选下一对。</text>`);

  // Vocabulary.
  const yVocab = barBase + 104;
  const learned = steps.flatMap((s) => (s.merge ? [s.merge.a + s.merge.b] : []));
  out.push(`<text class="b" x="24" y="${yVocab}">词表</text>`);
  let vx = 80;
  out.push(`<text class="note" x="${vx}" y="${yVocab}">初始 ${baseVocab.length} 个字符：</text>`);
  vx += 170;
  for (const t of baseVocab) {
    out.push(chip(vx, yVocab - 24, t, 'char'));
    vx += chipW(t) + GAP;
  }
  const yVocab2 = yVocab + 46;
  vx = 80;
  out.push(`<text class="note" x="${vx}" y="${yVocab2}">新增 ${learned.length} 个子词：</text>`);
  vx += 170;
  for (const t of learned) {
    out.push(chip(vx, yVocab2 - 24, t, 'merged'));
    vx += chipW(t) + GAP;
  }
  out.push(
    `<text class="note" x="${vx + 12}" y="${yVocab2}">→ 共 ${baseVocab.length + learned.length} 个 token</text>`,
  );

  const H = yVocab2 + 34;
  return `${svgOpen(W, H)}\n${out.join('\n')}\n</svg>\n`;
}
