// Retrieval-augmented generation: offline indexing, then hybrid retrieval, fusion,
// reranking and grounded generation online, with where each metric looks.
import { arrow, box, C, svgOpen } from './common.js';

export function ragPipelineSvg(): string {
  const W = 800;
  const H = 680;
  const o: string[] = [];
  o.push(`<text class="title" x="${W / 2}" y="40" text-anchor="middle">RAG：离线建索引，在线混合检索、融合、精排、生成</text>`);

  // Offline indexing.
  o.push(`<text class="b" x="30" y="84">离线</text>`);
  box(o, 30, 118, 100, 56, '文档', C.grayFill, C.gray);
  box(o, 170, 110, 120, 72, '切块', C.grayFill, C.gray, '相邻块重叠');
  box(o, 340, 94, 130, 48, '嵌入模型', C.purpleFill, C.purple);
  box(o, 340, 152, 130, 48, '分词', C.grayFill, C.gray);
  box(o, 520, 94, 190, 48, '向量索引（ANN）', C.blueFill, C.blue);
  box(o, 520, 152, 190, 48, '倒排索引（BM25）', C.orangeFill, C.orange);
  arrow(o, 130, 146, 168, 146);
  arrow(o, 290, 140, 338, 118);
  arrow(o, 290, 152, 338, 176);
  arrow(o, 470, 118, 518, 118);
  arrow(o, 470, 176, 518, 176);
  o.push(`<line x1="30" y1="228" x2="${W - 30}" y2="228" stroke="${C.grid}" stroke-width="2"/>`);

  // Online retrieval.
  o.push(`<text class="b" x="30" y="266">在线</text>`);
  box(o, 30, 318, 100, 56, '问题', C.grayFill, C.gray);
  box(o, 160, 310, 120, 72, '查询改写', C.grayFill, C.gray, '可选');
  box(o, 310, 282, 160, 60, '向量召回', C.blueFill, C.blue, '查向量索引 top 50');
  box(o, 310, 352, 160, 60, 'BM25 召回', C.orangeFill, C.orange, '查倒排索引 top 50');
  box(o, 500, 310, 110, 72, 'RRF 融合', C.grayFill, C.gray, '只看名次');
  box(o, 640, 310, 130, 72, '交叉编码器', C.purpleFill, C.purple, '精排 top 5');
  arrow(o, 130, 346, 158, 346);
  arrow(o, 280, 336, 308, 312);
  arrow(o, 280, 356, 308, 382);
  arrow(o, 470, 312, 498, 336);
  arrow(o, 470, 382, 498, 358);
  arrow(o, 610, 346, 638, 346);

  // Generation.
  box(o, 470, 448, 300, 72, '拼接提示', C.grayFill, C.gray, '编号的上下文 + 问题 + 引用要求');
  box(o, 250, 448, 170, 72, '大语言模型', C.greenFill, C.green);
  box(o, 30, 448, 170, 72, '带引用的回答', C.greenFill, C.green, '或“资料中没有”');
  arrow(o, 705, 382, 705, 446);
  arrow(o, 470, 484, 422, 484);
  arrow(o, 250, 484, 202, 484);

  // Where the metrics look.
  o.push(`<text class="s b" x="30" y="570" style="fill:${C.blue}">检索评估（recall@k、MRR、nDCG）：精排后的前 k 个块里有没有相关内容</text>`);
  o.push(`<text class="s b" x="30" y="602" style="fill:${C.green}">生成评估（忠实度、答案相关性）：回答是否都有上下文依据、是否答到点上</text>`);
  o.push(`<text class="note" x="30" y="644">两段分开评估：块里没有答案是检索的问题，答案在块里却答错或编造是生成的问题。</text>`);

  return `${svgOpen(W, H)}\n${o.join('\n')}\n</svg>\n`;
}
