// Symmetric vs. asymmetric 4-bit quantization of the same skewed data.
// Grid points, zero point and the wasted part of the symmetric range are computed.
import { C, r1, rng, svgOpen } from './common.js';

const BITS = 4;
const LO = -0.25; // data minimum (chosen so that the zero point is an exact integer)
const HI = 1.0; // data maximum

/** Deterministic sample of the data: skewed towards small positive values. */
function samples(): number[] {
  const rand = rng(7);
  const out: number[] = [];
  for (let i = 0; i < 60; i++) {
    const u = rand() * rand();
    out.push(LO + (HI - LO) * (0.15 + 0.85 * u) * (rand() < 0.12 ? 1.15 : 1));
  }
  return out.map((v) => Math.min(HI, Math.max(LO, v)));
}

export function quantMappingSvg(): string {
  const W = 800;
  const H = 560;
  const x0 = 90;
  const x1 = 730;
  const vmin = -1.1;
  const vmax = 1.1;
  const sx = (v: number): number => x0 + ((v - vmin) / (vmax - vmin)) * (x1 - x0);
  const data = samples();
  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">对称量化与非对称量化（${BITS} 比特，同一组偏向正值的数据）</text>`);

  const panel = (y: number, title: string, levels: number[], ints: number[], zeroInt: number, note: string): void => {
    o.push(`<text class="b" x="${x0}" y="${y - 78}">${title}</text>`);
    // Wasted part of the quantization range: grid points outside the data range.
    const first = levels[0] ?? 0;
    if (first < LO - 1e-6) {
      o.push(`<rect x="${r1(sx(first))}" y="${y - 52}" width="${r1(sx(LO) - sx(first))}" height="46" fill="${C.grayFill}"/>`);
      o.push(`<text class="note" x="${r1((sx(first) + sx(LO)) / 2)}" y="${y - 22}" text-anchor="middle">没有数据的格点（浪费）</text>`);
    }
    // Data range and samples.
    o.push(`<rect x="${r1(sx(LO))}" y="${y - 52}" width="${r1(sx(HI) - sx(LO))}" height="46" fill="${C.blueFill}" opacity="0.6"/>`);
    data.forEach((v, i) => {
      o.push(`<circle cx="${r1(sx(v))}" cy="${y - 14 - (i % 5) * 8}" r="3" fill="${C.blue}"/>`);
    });
    // Float axis.
    o.push(`<line x1="${x0 - 10}" y1="${y}" x2="${x1 + 10}" y2="${y}" stroke="${C.axis}" stroke-width="1.5"/>`);
    // Grid points with their integer codes.
    levels.forEach((v, i) => {
      const x = r1(sx(v));
      const isZero = ints[i] === zeroInt;
      o.push(`<line x1="${x}" y1="${y - 6}" x2="${x}" y2="${y + 10}" stroke="${isZero ? C.red : C.orange}" stroke-width="${isZero ? 3 : 2}"/>`);
      o.push(`<text class="s" x="${x}" y="${y + 32}" text-anchor="middle" style="fill:${isZero ? C.red : C.text}">${ints[i]}</text>`);
    });
    o.push(`<text class="note" x="${x0 - 14}" y="${y + 32}" text-anchor="end">q</text>`);
    for (const v of [-1, -0.5, 0, 0.5, 1]) {
      o.push(`<text class="note" x="${r1(sx(v))}" y="${y + 62}" text-anchor="middle">${v}</text>`);
    }
    o.push(`<text class="note" x="${x0 - 14}" y="${y + 62}" text-anchor="end">x</text>`);
    o.push(`<text class="note" x="${x0}" y="${y + 92}">${note}</text>`);
  };

  // Symmetric: alpha = max |x|, codes -(2^(b-1)-1) .. 2^(b-1)-1, zero point 0.
  const qmaxS = 2 ** (BITS - 1) - 1;
  const alpha = Math.max(Math.abs(LO), Math.abs(HI));
  const sS = alpha / qmaxS;
  const intsS: number[] = [];
  for (let q = -qmaxS; q <= qmaxS; q++) intsS.push(q);
  panel(
    200,
    `对称：s = max|x| / ${qmaxS} = ${sS.toFixed(3)}，零点固定为 0`,
    intsS.map((q) => q * sS),
    intsS,
    0,
    `数据只占 [${LO}, ${HI}]，负半轴的格点几乎用不上，有效格点只有 ${intsS.filter((q) => q * sS >= LO - 1e-9).length} 个`,
  );

  // Asymmetric: [min, max] -> 0 .. 2^b - 1 with integer zero point z.
  const qmaxA = 2 ** BITS - 1;
  const sA = (HI - LO) / qmaxA;
  const z = Math.round(-LO / sA);
  const intsA: number[] = [];
  for (let q = 0; q <= qmaxA; q++) intsA.push(q);
  panel(
    420,
    `非对称：s = (max − min) / ${qmaxA} = ${sA.toFixed(3)}，零点 z = ${z}`,
    intsA.map((q) => (q - z) * sA),
    intsA,
    z,
    `全部 ${qmaxA + 1} 个格点都落在数据范围内，步长更小；红色刻度是实数 0 对应的整数 z`,
  );

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
