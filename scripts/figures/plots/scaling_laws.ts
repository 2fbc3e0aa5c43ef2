// IsoFLOP curves: predicted loss against model size N at fixed training
// compute C, with D = C / (6N) tokens. The loss is the parametric law
// L(N, D) = E + A / N^alpha + B / D^beta with the constants published by
// Hoffmann et al. (2022, third approach); the optimum of each curve is the
// closed form N_opt = G (C/6)^(beta/(alpha+beta)), G = (alpha A / (beta B))^(1/(alpha+beta)).
import { C, esc, r1, svgOpen } from './common.js';

const E = 1.69;
const A = 406.4;
const B = 410.7;
const ALPHA = 0.34;
const BETA = 0.28;
const BUDGETS = [1e19, 1e20, 1e21, 1e22, 1e23, 1e24];
const COLORS = ['#93c5fd', '#60a5fa', '#3b82f6', '#2563eb', '#1d4ed8', '#1e3a8a'];

export const loss = (n: number, d: number): number => E + A / n ** ALPHA + B / d ** BETA;

export function optimalParams(compute: number): number {
  const g = ((ALPHA * A) / (BETA * B)) ** (1 / (ALPHA + BETA));
  return g * (compute / 6) ** (BETA / (ALPHA + BETA));
}

const sup = (exp: number): string => `10<tspan baseline-shift="super" class="s">${exp}</tspan>`;

export function scalingLawsSvg(): string {
  const W = 800;
  const H = 700;
  const L = 90;
  const R = W - 30;
  const T = 110;
  const Bt = 500;
  const xMin = 8;
  const xMax = 12;
  const yMin = 1.7;
  const yMax = 3.5;
  const sx = (n: number): number => L + ((Math.log10(n) - xMin) / (xMax - xMin)) * (R - L);
  const sy = (v: number): number => Bt - ((v - yMin) / (yMax - yMin)) * (Bt - T);

  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">固定算力下的损失曲线（IsoFLOP）与最优模型大小</text>`);
  o.push(`<text x="${L}" y="82">训练算力 C：</text>`);

  // Grid and axes.
  for (let v = 1.8; v <= yMax + 1e-9; v += 0.4) {
    const y = r1(sy(v));
    o.push(`<line x1="${L}" y1="${y}" x2="${R}" y2="${y}" stroke="${C.grid}" stroke-width="1"/>`);
    o.push(`<text x="${L - 10}" y="${Number(y) + 7}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  for (let e = xMin; e <= xMax; e += 1) {
    const x = r1(sx(10 ** e));
    o.push(`<line x1="${x}" y1="${T}" x2="${x}" y2="${Bt}" stroke="${C.grid}" stroke-width="1"/>`);
    o.push(`<text x="${x}" y="${Bt + 30}" text-anchor="middle">${sup(e)}</text>`);
  }
  o.push(`<rect x="${L}" y="${T}" width="${R - L}" height="${Bt - T}" fill="none" stroke="${C.axis}" stroke-width="1.5"/>`);
  o.push(`<text x="${(L + R) / 2}" y="${Bt + 62}" text-anchor="middle">模型参数量 N（对数刻度）</text>`);
  o.push(`<text x="28" y="${(T + Bt) / 2}" text-anchor="middle" transform="rotate(-90 28 ${(T + Bt) / 2})">预测损失 L</text>`);

  // One curve per compute budget, clipped to the plotting box.
  const optima: { x: number; y: number }[] = [];
  BUDGETS.forEach((budget, k) => {
    const pts: string[] = [];
    for (let e = xMin; e <= xMax + 1e-9; e += 0.02) {
      const n = 10 ** e;
      const v = loss(n, budget / (6 * n));
      if (v <= yMax && v >= yMin) pts.push(`${pts.length === 0 ? 'M' : 'L'}${r1(sx(n))},${r1(sy(v))}`);
    }
    const color = COLORS[k] ?? C.blue;
    o.push(`<path d="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    const nOpt = optimalParams(budget);
    const vOpt = loss(nOpt, budget / (6 * nOpt));
    optima.push({ x: sx(nOpt), y: sy(vOpt) });
    o.push(`<circle cx="${r1(sx(nOpt))}" cy="${r1(sy(vOpt))}" r="5" fill="${C.orange}"/>`);
    // Legend entry in one row under the title.
    const lx = L + 120 + k * 98;
    o.push(`<line x1="${lx}" y1="76" x2="${lx + 28}" y2="76" stroke="${color}" stroke-width="4"/>`);
    o.push(`<text class="s" x="${lx + 34}" y="82">${sup(Math.round(Math.log10(budget)))}</text>`);
  });
  o.push(
    `<path d="${optima.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)},${r1(p.y)}`).join(' ')}" fill="none" stroke="${C.orange}" stroke-width="2" stroke-dasharray="6 5"/>`,
  );

  // Chinchilla and Gopher: nearly the same compute, very different splits.
  const models: ReadonlyArray<readonly [string, number, number, string]> = [
    ['Chinchilla 70B / 1.4T', 70e9, 1.4e12, C.green],
    ['Gopher 280B / 0.3T', 280e9, 300e9, C.red],
  ];
  models.forEach(([name, n, d, color], i) => {
    const x = sx(n);
    const y = sy(loss(n, d));
    o.push(`<rect x="${r1(x - 6)}" y="${r1(y - 6)}" width="12" height="12" fill="${color}"/>`);
    o.push(`<text class="s" x="${r1(x)}" y="${r1(y + 30)}" text-anchor="middle" style="fill:${color}">${esc(name.split(' ')[0] ?? name)}</text>`);
    const fx = L + i * 330;
    o.push(`<rect x="${fx}" y="${Bt + 121}" width="12" height="12" fill="${color}"/>`);
    o.push(`<text class="s" x="${fx + 18}" y="${Bt + 133}" style="fill:${color}">${esc(name)}：L ≈ ${loss(n, d).toFixed(2)}</text>`);
  });

  // Notes.
  o.push(`<circle cx="${L + 8}" cy="${Bt + 96}" r="5" fill="${C.orange}"/>`);
  o.push(`<text x="${L + 22}" y="${Bt + 103}">每条曲线的最低点：该算力下的最优参数量，虚线连起来即最优前沿</text>`);
  o.push(`<text class="note" x="${L}" y="${Bt + 164}">L(N, D) = E + A/N^α + B/D^β，D = C/(6N)；常数取 Chinchilla 论文第三种方法的拟合值</text>`);
  o.push(`<text class="note" x="${L}" y="${Bt + 190}">最低点左侧模型太小、右侧数据太少；两者算力相近，数据更多的 Chinchilla 损失更低</text>`);

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
