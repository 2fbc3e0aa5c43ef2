// Top-k vs. top-p (nucleus) truncation on one next-token distribution.
// Probabilities come from softmax over the logits below; the cuts are computed.
import { C, esc, r1, svgOpen } from './common.js';

const PROMPT = '今天天气很';
const LOGITS: ReadonlyArray<readonly [string, number]> = [
  ['好', 4.0],
  ['热', 3.0],
  ['不错', 3.3],
  ['冷', 2.6],
  ['晴朗', 2.2],
  ['闷', 2.0],
  ['糟糕', 1.8],
  ['差', 1.5],
  ['舒服', 1.2],
  ['奇怪', 0.8],
  ['干燥', 0.6],
  ['潮湿', 0.5],
];
const TOP_K = 5;
const TOP_P = 0.9;

export function softmax(xs: readonly number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

export function topPSamplingSvg(): string {
  const probs = softmax(LOGITS.map(([, l]) => l));
  const items = LOGITS.map(([tok], i) => ({ tok, p: probs[i] ?? 0 })).sort((a, b) => b.p - a.p);
  let acc = 0;
  const rows = items.map((it) => ({ ...it, cum: (acc += it.p) }));
  const nP = rows.findIndex((r) => r.cum >= TOP_P) + 1; // smallest prefix with mass >= p

  const W = 800;
  const H = 600;
  const L = 84;
  const R = W - 30;
  const T = 150;
  const B = 470;
  const slot = (R - L) / rows.length;
  const sx = (i: number): number => L + i * slot; // left edge of slot i
  const sy = (v: number): number => B - v * (B - T);

  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">top-k 与 top-p（核采样）截断示意</text>`);
  o.push(
    `<text class="note" x="${W / 2}" y="70" text-anchor="middle">输入“${esc(PROMPT)}”，下一个 token 的概率按从大到小排序（softmax 后）</text>`,
  );

  // Axis and grid (probability and cumulative probability share 0..1).
  for (let v = 0; v <= 1.0001; v += 0.2) {
    const y = r1(sy(v));
    o.push(`<line x1="${L}" y1="${y}" x2="${R}" y2="${y}" stroke="${C.grid}" stroke-width="1"/>`);
    o.push(`<text x="${L - 10}" y="${Number(y) + 7}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  o.push(`<line x1="${L}" y1="${B}" x2="${R}" y2="${B}" stroke="${C.axis}" stroke-width="1.5"/>`);
  o.push(`<line x1="${L}" y1="${T}" x2="${L}" y2="${B}" stroke="${C.axis}" stroke-width="1.5"/>`);
  o.push(
    `<text x="26" y="${(T + B) / 2}" text-anchor="middle" transform="rotate(-90 26 ${(T + B) / 2})">概率 / 累积概率</text>`,
  );

  // Bars.
  rows.forEach((r, i) => {
    const kept = i < nP;
    const bw = slot * 0.62;
    const bx = sx(i) + (slot - bw) / 2;
    o.push(
      `<rect x="${r1(bx)}" y="${r1(sy(r.p))}" width="${r1(bw)}" height="${r1(B - sy(r.p))}" fill="${kept ? C.blueFill : C.grayFill}" stroke="${kept ? C.blue : C.gray}" stroke-width="1.5"/>`,
    );
    // Value above the bar, or inside it when the cumulative dot sits right there.
    const above = Math.abs(sy(r.cum) - (sy(r.p) - 14)) > 22;
    const ty = above ? sy(r.p) - 8 : sy(r.p) + 24;
    o.push(`<text class="s" x="${r1(bx + bw / 2)}" y="${r1(ty)}" text-anchor="middle">${r.p.toFixed(2).slice(1)}</text>`);
    o.push(`<text x="${r1(bx + bw / 2)}" y="${B + 28}" text-anchor="middle">${esc(r.tok)}</text>`);
  });

  // Cumulative line.
  const cx = (i: number): number => sx(i) + slot / 2;
  o.push(
    `<path d="${rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${r1(cx(i))},${r1(sy(r.cum))}`).join(' ')}" fill="none" stroke="${C.orange}" stroke-width="2.5"/>`,
  );
  rows.forEach((r, i) => o.push(`<circle cx="${r1(cx(i))}" cy="${r1(sy(r.cum))}" r="4.5" fill="${C.orange}"/>`));

  // p = 0.9 threshold.
  o.push(
    `<line x1="${L}" y1="${r1(sy(TOP_P))}" x2="${R}" y2="${r1(sy(TOP_P))}" stroke="${C.red}" stroke-width="1.5" stroke-dasharray="6 5"/>`,
  );
  o.push(`<text class="s" x="${R - 4}" y="${r1(sy(TOP_P) + 24)}" text-anchor="end" style="fill:${C.red}">累积概率 = ${TOP_P}</text>`);

  // Cut lines.
  const cut = (n: number, color: string, label: string, y: number): void => {
    const x = r1(sx(n));
    o.push(`<line x1="${x}" y1="${T - 40}" x2="${x}" y2="${B + 40}" stroke="${color}" stroke-width="2.5" stroke-dasharray="8 5"/>`);
    o.push(`<text x="${Number(x) + 8}" y="${y}" style="fill:${color}" class="b">${label}</text>`);
  };
  const keptMass = rows[nP - 1]?.cum ?? 0;
  cut(TOP_K, C.purple, `top-k = ${TOP_K}：只留前 ${TOP_K} 个`, T - 46);
  cut(nP, C.red, `top-p = ${TOP_P}：前 ${nP} 个累积 ${keptMass.toFixed(2)}`, T - 16);

  // Legend and note.
  const ly = B + 70;
  o.push(`<rect x="${L}" y="${ly - 16}" width="24" height="18" fill="${C.blueFill}" stroke="${C.blue}" stroke-width="1.5"/>`);
  o.push(`<text x="${L + 32}" y="${ly}">top-p 保留的 token</text>`);
  o.push(`<rect x="${L + 230}" y="${ly - 16}" width="24" height="18" fill="${C.grayFill}" stroke="${C.gray}" stroke-width="1.5"/>`);
  o.push(`<text x="${L + 262}" y="${ly}">被截掉</text>`);
  o.push(`<line x1="${L + 380}" y1="${ly - 7}" x2="${L + 416}" y2="${ly - 7}" stroke="${C.orange}" stroke-width="3"/>`);
  o.push(`<circle cx="${L + 398}" cy="${ly - 7}" r="4.5" fill="${C.orange}"/>`);
  o.push(`<text x="${L + 424}" y="${ly}">累积概率</text>`);
  o.push(
    `<text class="note" x="${L}" y="${ly + 40}">截断后把保留 token 的概率重新归一化再采样；两者可同时设置，依次过滤。</text>`,
  );

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
