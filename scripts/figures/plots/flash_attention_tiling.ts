// FlashAttention tiling: the N x N score matrix is never stored; one (Q block, K/V block)
// tile at a time lives in on-chip SRAM together with the running row statistics.
import { C, svgOpen } from './common.js';

const TILES = 4; // blocks per side in the drawing
const CUR_I = 2; // current Q block (row)
const CUR_J = 1; // current K/V block (column)

export function flashAttentionTilingSvg(): string {
  const W = 800;
  const H = 640;
  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">FlashAttention：分块计算，N×N 分数矩阵不落显存</text>`);

  // Score matrix S = Q K^T, drawn as TILES x TILES tiles.
  const gx = 150;
  const gy = 190;
  const cell = 66;
  const size = TILES * cell;
  o.push(`<text class="b" x="${gx + size / 2}" y="${gy - 78}" text-anchor="middle">Kᵀ 的列块 j（与 V 块一一对应）</text>`);
  for (let j = 0; j < TILES; j++) {
    const cur = j === CUR_J;
    o.push(
      `<rect x="${gx + j * cell + 4}" y="${gy - 52}" width="${cell - 8}" height="38" rx="4" fill="${cur ? C.orangeFill : C.grayFill}" stroke="${cur ? C.orange : C.gray}" stroke-width="${cur ? 2.5 : 1.2}"/>`,
    );
    o.push(`<text class="s" x="${gx + j * cell + cell / 2}" y="${gy - 27}" text-anchor="middle">K${j + 1}</text>`);
  }
  o.push(`<text class="b" x="${gx - 70}" y="${gy - 20}" text-anchor="middle">Q 块 i</text>`);
  for (let i = 0; i < TILES; i++) {
    const cur = i === CUR_I;
    o.push(
      `<rect x="${gx - 100}" y="${gy + i * cell + 4}" width="60" height="${cell - 8}" rx="4" fill="${cur ? C.blueFill : C.grayFill}" stroke="${cur ? C.blue : C.gray}" stroke-width="${cur ? 2.5 : 1.2}"/>`,
    );
    o.push(`<text class="s" x="${gx - 70}" y="${gy + i * cell + cell / 2 + 6}" text-anchor="middle">Q${i + 1}</text>`);
  }
  for (let i = 0; i < TILES; i++) {
    for (let j = 0; j < TILES; j++) {
      const masked = j > i; // causal: whole tile above the diagonal is skipped
      const cur = i === CUR_I && j === CUR_J;
      const done = i === CUR_I && j < CUR_J;
      const fill = cur ? C.purpleFill : masked ? '#ffffff' : done ? C.greenFill : C.grayFill;
      const stroke = cur ? C.purple : C.gray;
      o.push(
        `<rect x="${gx + j * cell}" y="${gy + i * cell}" width="${cell}" height="${cell}" fill="${fill}" stroke="${stroke}" stroke-width="${cur ? 3 : 1}"${masked ? ' stroke-dasharray="4 4"' : ''}/>`,
      );
      if (cur) o.push(`<text class="s b" x="${gx + j * cell + cell / 2}" y="${gy + i * cell + cell / 2 + 6}" text-anchor="middle">S${i + 1}${j + 1}</text>`);
      if (masked) o.push(`<text class="s" x="${gx + j * cell + cell / 2}" y="${gy + i * cell + cell / 2 + 6}" text-anchor="middle" style="fill:${C.gray}">跳过</text>`);
    }
  }
  o.push(`<text class="note" x="${gx + size / 2}" y="${gy + size + 30}" text-anchor="middle">虚线块在因果掩码之上，整块跳过</text>`);
  o.push(`<text class="note" x="${gx + size / 2}" y="${gy + size + 56}" text-anchor="middle">绿色：第 i 行已处理完的块</text>`);

  // SRAM box with the working set.
  const sx = 480;
  const sy = 100;
  o.push(`<rect x="${sx}" y="${sy}" width="290" height="300" rx="12" fill="#ffffff" stroke="${C.purple}" stroke-width="2.5"/>`);
  o.push(`<text class="b" x="${sx + 145}" y="${sy + 32}" text-anchor="middle">片上 SRAM（快、很小）</text>`);
  const item = (y: number, label: string, fill: string, stroke: string): void => {
    o.push(`<rect x="${sx + 20}" y="${y}" width="250" height="38" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`);
    o.push(`<text class="s" x="${sx + 145}" y="${y + 25}" text-anchor="middle">${label}</text>`);
  };
  item(sy + 50, `Q${CUR_I + 1}（本行常驻）`, C.blueFill, C.blue);
  item(sy + 96, `K${CUR_J + 1}、V${CUR_J + 1}（逐块换入）`, C.orangeFill, C.orange);
  item(sy + 142, `分数块 S${CUR_I + 1}${CUR_J + 1} 与 P${CUR_I + 1}${CUR_J + 1}`, C.purpleFill, C.purple);
  item(sy + 188, '每行的统计量 m 与 l', C.greenFill, C.green);
  item(sy + 234, '未归一化的输出累加 O', C.greenFill, C.green);

  // HBM box.
  const hy = 440;
  o.push(`<rect x="${sx}" y="${hy}" width="290" height="92" rx="12" fill="${C.grayFill}" stroke="${C.axis}" stroke-width="2"/>`);
  o.push(`<text class="b" x="${sx + 145}" y="${hy + 32}" text-anchor="middle">显存 HBM（大、慢）</text>`);
  o.push(`<text class="s" x="${sx + 145}" y="${hy + 62}" text-anchor="middle">Q、K、V、O 与 logsumexp</text>`);
  o.push(`<path d="M${sx + 90},${hy} L${sx + 90},${sy + 304}" fill="none" stroke="${C.axis}" stroke-width="2" marker-end="url(#arrow)"/>`);
  o.push(`<text class="s" x="${sx + 82}" y="${hy - 12}" text-anchor="end">读块</text>`);
  o.push(`<path d="M${sx + 200},${sy + 300} L${sx + 200},${hy - 4}" fill="none" stroke="${C.axis}" stroke-width="2" marker-end="url(#arrow)"/>`);
  o.push(`<text class="s" x="${sx + 208}" y="${hy - 12}">写回 O</text>`);

  // Update rule.
  const ty = 585;
  o.push(`<text x="${W / 2}" y="${ty}" text-anchor="middle">每处理一块：m′ = max(m, rowmax S)，l ← e^(m−m′)·l + rowsum e^(S−m′)，</text>`);
  o.push(`<text x="${W / 2}" y="${ty + 30}" text-anchor="middle">O ← e^(m−m′)·O + e^(S−m′)·V；整行结束后 O ← O / l</text>`);

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
