// PPO vs. GRPO data flow. The GRPO advantages are computed from the example rewards below.
import { arrow, box, C, r1, svgOpen } from './common.js';

const REWARDS = [1, 0, 0, 1, 0, 0, 0, 0];

export function groupAdvantages(rewards: readonly number[]): number[] {
  const mean = rewards.reduce((a, b) => a + b, 0) / rewards.length;
  const std = Math.sqrt(rewards.reduce((a, b) => a + (b - mean) ** 2, 0) / rewards.length);
  return rewards.map((r) => (r - mean) / (std + 1e-6));
}

export function grpoVsPpoSvg(): string {
  const W = 800;
  const H = 720;
  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">PPO 与 GRPO：优势从哪里来</text>`);

  // PPO lane.
  o.push(`<text class="b" x="30" y="88">PPO</text>`);
  box(o, 30, 110, 110, 60, '问题 q', C.grayFill, C.gray);
  box(o, 180, 110, 120, 60, '策略模型', C.blueFill, C.blue);
  box(o, 340, 110, 110, 60, '一个回答 o', C.grayFill, C.gray);
  box(o, 500, 96, 130, 50, '奖励模型', C.orangeFill, C.orange);
  box(o, 500, 160, 130, 70, '价值模型', C.purpleFill, C.purple, '估计每步的价值');
  box(o, 664, 120, 126, 70, 'GAE', C.greenFill, C.green, '逐 token 优势');
  arrow(o, 140, 140, 178, 140);
  arrow(o, 300, 140, 338, 140);
  arrow(o, 450, 130, 498, 121);
  arrow(o, 450, 150, 498, 190);
  arrow(o, 630, 121, 668, 145);
  arrow(o, 630, 195, 668, 170);
  o.push(`<text class="note" x="30" y="262">价值模型与策略同样大小且要一起训练；奖励只在最后一个 token，逐 token 的价值很难学准</text>`);

  // Divider.
  o.push(`<line x1="30" y1="290" x2="${W - 30}" y2="290" stroke="${C.grid}" stroke-width="2"/>`);

  // GRPO lane.
  o.push(`<text class="b" x="30" y="330">GRPO</text>`);
  const top = 350;
  const rowH = 34;
  const mid = top + (REWARDS.length * rowH) / 2;
  box(o, 30, mid - 30, 110, 60, '问题 q', C.grayFill, C.gray);
  box(o, 180, mid - 30, 120, 60, '策略模型', C.blueFill, C.blue);
  arrow(o, 140, mid, 178, mid);
  o.push(`<text class="s b" x="390" y="${top - 8}" text-anchor="middle">采样 G = ${REWARDS.length} 个回答</text>`);
  o.push(`<text class="s b" x="520" y="${top - 8}" text-anchor="middle">规则奖励</text>`);
  o.push(`<text class="s b" x="650" y="${top - 8}" text-anchor="middle">组内标准化的优势</text>`);
  const adv = groupAdvantages(REWARDS);
  const zeroX = 640;
  const scale = 40; // px per unit of advantage
  REWARDS.forEach((r, i) => {
    const y = top + i * rowH;
    o.push(`<path d="M300,${mid} L338,${y + rowH / 2}" fill="none" stroke="${C.gray}" stroke-width="1.2"/>`);
    o.push(`<rect x="340" y="${y + 3}" width="100" height="${rowH - 6}" rx="5" fill="${C.grayFill}" stroke="${C.gray}" stroke-width="1.2"/>`);
    o.push(`<text class="s" x="390" y="${y + rowH / 2 + 6}" text-anchor="middle">o${i + 1}</text>`);
    o.push(`<text class="s" x="520" y="${y + rowH / 2 + 6}" text-anchor="middle" style="fill:${r ? C.green : C.red}">${r ? '✓ 1' : '✗ 0'}</text>`);
    const a = adv[i] ?? 0;
    const w = Math.abs(a) * scale;
    const x = a >= 0 ? zeroX : zeroX - w;
    o.push(`<rect x="${r1(x)}" y="${y + 8}" width="${r1(w)}" height="${rowH - 16}" fill="${a >= 0 ? C.green : C.red}" opacity="0.75"/>`);
    const tx = a >= 0 ? zeroX + w + 6 : zeroX - w - 6;
    o.push(`<text class="s" x="${r1(tx)}" y="${y + rowH / 2 + 6}" text-anchor="${a >= 0 ? 'start' : 'end'}">${a >= 0 ? '+' : '−'}${Math.abs(a).toFixed(2)}</text>`);
  });
  o.push(`<line x1="${zeroX}" y1="${top}" x2="${zeroX}" y2="${top + REWARDS.length * rowH}" stroke="${C.axis}" stroke-width="1.5"/>`);
  const mean = REWARDS.reduce((a, b) => a + b, 0) / REWARDS.length;
  o.push(`<text class="note" x="30" y="${top + REWARDS.length * rowH + 40}">优势 = (奖励 − 组均值 ${mean.toFixed(2)}) / 组标准差：组均值充当基线，不需要价值模型；</text>`);
  o.push(`<text class="note" x="30" y="${top + REWARDS.length * rowH + 66}">同一回答的每个 token 共享这个优势，KL 惩罚直接加在损失里</text>`);

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
