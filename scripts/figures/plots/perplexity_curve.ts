// Training / validation perplexity vs. training steps. The loss curves are a
// power law plus seeded noise; validation adds a generalisation gap that is 0
// at step 0 (an untrained model is equally bad on both sets) and grows to 0.2,
// plus a late over-fitting term. Perplexity is exp(loss), drawn on a log axis
// with the loss on the right.
import { C, r1, rng, svgOpen } from './common.js';

const STEPS = 20_000;
const START = 5.2;
const powerLaw = (t: number): number => START * Math.pow(1 + t / 300, -0.55);
const trainLoss = (t: number, noise: number): number => 1.75 + powerLaw(t) + noise;
const gap = (t: number): number => 0.2 * (1 - powerLaw(t) / START);
const valLoss = (t: number): number => 1.75 + powerLaw(t) + gap(t) + 3e-9 * Math.max(0, t - 9000) ** 2;

export function perplexityCurveSvg(): string {
  const W = 800;
  const H = 624;
  const L = 96;
  const R = W - 84;
  const T = 84;
  const B = 470;

  const rand = rng(7);
  const train = Array.from({ length: STEPS / 50 + 1 }, (_, i) => {
    const t = i * 50;
    const noise = (rand() + rand() + rand() - 1.5) * 0.05;
    return { t, ppl: Math.exp(trainLoss(t, noise)) };
  });
  const val = Array.from({ length: STEPS / 1000 + 1 }, (_, i) => {
    const t = i * 1000;
    return { t, ppl: Math.exp(valLoss(t)) };
  });
  const best = val.reduce((a, b) => (b.ppl < a.ppl ? b : a));

  const yMin = 5;
  const yMax = 2000;
  const sx = (t: number): number => L + (t / STEPS) * (R - L);
  const sy = (ppl: number): number =>
    B - ((Math.log(ppl) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))) * (B - T);

  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">训练 / 验证困惑度随训练步数的变化</text>`);

  // Grid and left axis (perplexity, log scale).
  for (const v of [5, 10, 20, 50, 100, 200, 500, 1000, 2000]) {
    const y = r1(sy(v));
    o.push(`<line x1="${L}" y1="${y}" x2="${R}" y2="${y}" stroke="${C.grid}" stroke-width="1"/>`);
    o.push(`<text x="${L - 10}" y="${Number(y) + 7}" text-anchor="end">${v}</text>`);
  }
  // Right axis: loss = ln(PPL).
  for (const loss of [2, 3, 4, 5, 6, 7]) {
    const y = r1(sy(Math.exp(loss)));
    o.push(`<line x1="${R}" y1="${y}" x2="${R + 6}" y2="${y}" stroke="${C.axis}" stroke-width="1.5"/>`);
    o.push(`<text x="${R + 12}" y="${Number(y) + 7}" style="fill:${C.muted}">${loss}</text>`);
  }
  // x axis.
  for (let k = 0; k <= STEPS; k += 4000) {
    const x = r1(sx(k));
    o.push(`<line x1="${x}" y1="${B}" x2="${x}" y2="${B + 6}" stroke="${C.axis}" stroke-width="1.5"/>`);
    o.push(`<text x="${x}" y="${B + 30}" text-anchor="middle">${k / 1000}k</text>`);
  }
  o.push(`<rect x="${L}" y="${T}" width="${R - L}" height="${B - T}" fill="none" stroke="${C.axis}" stroke-width="1.5"/>`);
  o.push(`<text x="${(L + R) / 2}" y="${B + 62}" text-anchor="middle">训练步数</text>`);
  o.push(
    `<text x="30" y="${(T + B) / 2}" text-anchor="middle" transform="rotate(-90 30 ${(T + B) / 2})">困惑度 PPL（对数刻度）</text>`,
  );
  o.push(
    `<text x="${W - 18}" y="${(T + B) / 2}" text-anchor="middle" style="fill:${C.muted}" transform="rotate(90 ${W - 18} ${(T + B) / 2})">损失 loss = ln PPL</text>`,
  );

  // Curves.
  const path = (pts: { t: number; ppl: number }[]): string =>
    pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(sx(p.t))},${r1(sy(p.ppl))}`).join(' ');
  o.push(`<path d="${path(train)}" fill="none" stroke="${C.blue}" stroke-width="2"/>`);
  o.push(`<path d="${path(val)}" fill="none" stroke="${C.orange}" stroke-width="2.5"/>`);
  for (const p of val) {
    o.push(`<circle cx="${r1(sx(p.t))}" cy="${r1(sy(p.ppl))}" r="4" fill="${C.orange}"/>`);
  }

  // Best validation point.
  const bx = sx(best.t);
  const by = sy(best.ppl);
  o.push(`<circle cx="${r1(bx)}" cy="${r1(by)}" r="8" fill="none" stroke="${C.red}" stroke-width="2.5"/>`);
  o.push(`<line x1="${r1(bx)}" y1="${r1(by - 10)}" x2="${r1(bx)}" y2="${r1(sy(60))}" stroke="${C.red}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  o.push(
    `<text x="${r1(bx)}" y="${r1(sy(60) - 34)}" text-anchor="middle" style="fill:${C.red}">验证集最低点：${best.t / 1000}k 步，PPL ≈ ${best.ppl.toFixed(1)}</text>`,
  );
  o.push(`<text x="${r1(bx)}" y="${r1(sy(60) - 8)}" text-anchor="middle" style="fill:${C.red}">此后训练继续下降、验证回升：过拟合</text>`);

  // Legend.
  const lx = R - 250;
  const ly = T + 28;
  o.push(`<rect x="${lx - 14}" y="${ly - 24}" width="250" height="76" rx="6" fill="#ffffff" stroke="${C.grid}"/>`);
  o.push(`<line x1="${lx}" y1="${ly - 6}" x2="${lx + 36}" y2="${ly - 6}" stroke="${C.blue}" stroke-width="3"/>`);
  o.push(`<text x="${lx + 46}" y="${ly}">训练集（每步 batch）</text>`);
  o.push(`<line x1="${lx}" y1="${ly + 28}" x2="${lx + 36}" y2="${ly + 28}" stroke="${C.orange}" stroke-width="3"/>`);
  o.push(`<circle cx="${lx + 18}" cy="${ly + 28}" r="4" fill="${C.orange}"/>`);
  o.push(`<text x="${lx + 46}" y="${ly + 34}">验证集（每 1k 步）</text>`);

  // Relation PPL = exp(loss).
  // Both curves start from the same noise-free loss at step 0.
  const first = Math.round(Math.exp(valLoss(0)));
  o.push(`<text x="24" y="${H - 46}">PPL = exp(loss)：纵轴为对数刻度，左侧读 PPL，右侧读对应的 loss。</text>`);
  o.push(
    `<text class="note" x="24" y="${H - 16}">loss 每下降 1，PPL 缩小为原来的 1/e；起点 PPL ≈ ${first}，相当于在约 ${first} 个 token 中乱猜。</text>`,
  );

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
