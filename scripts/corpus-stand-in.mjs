#!/usr/bin/env node
// Writes small stand-ins for the two notes repositories the corpus tests
// read, where the real ones are not available (on GitHub's runners):
//
//   node scripts/corpus-stand-in.mjs <folder>
//
// makes <folder>/awesome-llm-learning (the old numbered layout, with the
// README its old generator wrote and the committed one) and <folder>/llm-action
// (a folder per topic, names with spaces, a README per folder). Point
// NOTES_CORPORA at <folder>. The shapes are those of the real repositories;
// every text is our own. Tests that check facts of the real repositories
// (counts, exact sentences) skip, loudly, on a stand-in.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** Starts `SOURCE.md`; tests/support/corpus.ts recognizes a stand-in by it. */
const STAND_IN_HEADING = '# Generated stand-in corpus';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of a smooth pattern, stored without compression: an optimizer always has work to do. */
function png(width, height, seed) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 4 + seed * 40) & 0xff, (y * 4) & 0xff, ((x + y) * 2 + seed * 90) & 0xff], 1 + x * 3);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
}

function write(root, relPath, data) {
  const target = path.join(root, relPath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, data);
}

const source = (shape) =>
  `${STAND_IN_HEADING}\n\nWritten by \`scripts/corpus-stand-in.mjs\` in the shape of ${shape}. It stands in for the real corpus where that is not available.\n`;

// ---------------------------------------------------------------- seed layout

const INTRO = '这是一个生成的替身语料库，结构与旧版笔记仓库相同：每章一个带序号的文件夹，每节一个带序号的 Markdown 文件。\n\n它只用于测试，内容都是为测试写的。\n';

/** Chapters of the old layout: folder, then sections as [file title, note text, images]. */
const CHAPTERS = [
  [
    '1.深度学习基础知识',
    [
      [
        'Transformer基础',
        '#### 自注意力为什么要除以 $\\sqrt{d_k}$？\n\n- 点积的方差随维度 $d_k$ 增大，缩放后 softmax 不易饱和：\n\n$$\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V$$\n\n![自注意力](./images/attention.png)\n\n#### RoPE 位置编码\n\n- 旋转位置编码把位置 $m$ 写进查询和键的相位，内积只依赖相对位置 $m-n$。\n',
        ['attention.png'],
      ],
      ['深度神经网络基础', '#### BN 和 LN 的区别\n\n- BN 在批维度上归一化，LN 在特征维度上归一化，均值 $\\mu$、方差 $\\sigma^2$ 的统计范围不同。\n\n![BN](./images/BN.png)\n', ['BN.png']],
    ],
  ],
  [
    '2.自然语言处理基础知识',
    [
      ['分词器(Tokenizer)', '#### BPE 如何合并词元？\n\n- 反复合并出现次数最多的相邻符号对，直到词表达到目标大小。\n', []],
      ['经典NLP模型', '#### word2vec 的两种训练方式\n\n- CBOW 用上下文预测中心词，Skip-gram 用中心词预测上下文。\n', []],
      ['困惑度(perplexity)', '#### 困惑度的定义\n\n- 困惑度是平均负对数似然的指数： $\\mathrm{PPL}=\\exp\\left(-\\frac{1}{N}\\sum_i \\log p(x_i)\\right)$。\n', []],
    ],
  ],
  [
    '3.大语言模型基础知识',
    [
      ['训练框架介绍(Megatron-lm、DeepSpeed)', '#### ZeRO 的三个阶段\n\n- 依次切分优化器状态、梯度和参数，显存占用逐级下降。\n', []],
      [
        '参数高效微调(PEFT)',
        '#### LoRA 的原理\n\n- 冻结原权重 $W_0$，只训练低秩增量 $\\Delta W = BA$，其中 $B$ 初始化为零。\n\n![lora](./images/lora.png)\n\n#### LoRA 的初始化\n\n- $A$ 随机初始化、 $B$ 置零，训练开始时增量为零，输出与原模型相同。\n\n![lora init](./images/lora_init.png)\n',
        ['lora.png', 'lora_init.png'],
      ],
      ['经典开源LLM介绍', '#### LLaMA 的结构改动\n\n- 前置 RMSNorm、SwiGLU 激活和旋转位置编码。\n', []],
    ],
  ],
  [
    '4.大语言模型推理',
    [
      ['Huggingface推理参数介绍', '#### temperature 的作用\n\n- 把 logits 除以温度 $T$ 再做 softmax： $T<1$ 分布更尖锐， $T>1$ 更平坦。\n', []],
      ['KVCache', '#### KV Cache 节省了什么？\n\n- 解码时缓存历史词元的键和值，每步只计算新词元。\n', []],
    ],
  ],
  ['5.大语言模型应用', [['LangChain介绍', '#### Chain 和 Agent 的区别\n\n- Chain 的步骤是固定的，Agent 由模型决定下一步调用哪个工具。\n', []]]],
  ['6.大语言模型前沿分享', [['论文清单', '#### 值得精读的方向\n\n- 缩放定律、对齐方法和高效推理。\n', []]]],
];

const titleOf = (name) => name.replace(/^\d+\./u, '').replace(/\.md$/u, '');

/** The README the old generator wrote: title, introduction, TAB-nested TOC, then every note, images prefixed with their chapter. */
function oldGeneratorReadme() {
  const lines = ['# Awesome-LLM-Learning [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)', '## 引言', INTRO.trimEnd(), '## 目录'];
  for (const [chapter, sections] of CHAPTERS) {
    lines.push(`- [${chapter}](${chapter})`);
    sections.forEach(([title], index) => lines.push(`\t- [${index + 1}.${title}](${chapter}/${index + 1}.${title}.md)`));
  }
  for (const [chapter, sections] of CHAPTERS) {
    lines.push(`## ${titleOf(chapter)}`);
    for (const [title, text] of sections) lines.push(`### ${title}`, text.replace(/(!\[[^\]]*\]\()\.\//gu, `$1./${chapter}/./`).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function seedCorpus(root) {
  write(root, 'SOURCE.md', source('the seed notes repository (numbered chapter folders, numbered section notes, images beside them)'));
  write(root, '0.引言/0.ignore.md', INTRO);
  let seed = 0;
  for (const [chapter, sections] of CHAPTERS) {
    sections.forEach(([title, text, images], index) => {
      write(root, `${chapter}/${index + 1}.${title}.md`, text);
      for (const image of images) write(root, `${chapter}/images/${image}`, png(48, 32, seed++));
    });
  }
  const generated = oldGeneratorReadme();
  write(root, 'README.original-generator.md', generated);
  // The committed README: the generated one plus a hand-added line, as in the real repository.
  write(root, 'README.committed.md', generated.replace('## 引言\n', '## 引言\n> 欢迎补充与指正。\n\n'));
}

// ------------------------------------------------------- folder-per-topic layout

/** Topic folders (some names with spaces), each with a README, notes and a figure. */
const TOPICS = {
  'README.md': '# 大模型实践笔记（替身）\n\n- [训练](llm-train/README.md)\n- [推理](llm-inference/README.md)\n- [论文](paper/README.md)\n\n![总览](pic/overview.png)\n',
  'llm-train/README.md': '# 训练\n\n- [分布式 训练](分布式%20训练/README.md)\n- [混合精度](<mixed precision.md>)\n',
  'llm-train/mixed precision.md': '# 混合精度\n\n用 FP16/BF16 计算、FP32 保存主权重，损失缩放防止梯度下溢： $\\hat{L} = sL$。\n',
  'llm-train/分布式 训练/README.md': '# 分布式 训练\n\n- [数据并行与模型并行](数据并行%20与%20模型并行.md)\n',
  'llm-train/分布式 训练/数据并行 与 模型并行.md': '# 数据并行与模型并行\n\n## 数据并行\n\n每张卡一份完整模型，梯度做 all-reduce。\n\n## 模型并行\n\n把层或张量切到多张卡上。[回到目录](README.md)\n',
  'llm-inference/README.md': '# 推理\n\n- [KV Cache 原理](KV%20Cache%20原理.md)\n',
  'llm-inference/KV Cache 原理.md': '# KV Cache 原理\n\n缓存的大小约为 $2 \\times L \\times H \\times d \\times n$ 个数。\n\n![KV Cache](../pic/kv%20cache.png)\n',
  'paper/README.md': '# 论文\n\n| 方向 | 说明 |\n| --- | --- |\n| 对齐 | RLHF、DPO |\n| 推理 | 投机解码 |\n',
};

function topicCorpus(root) {
  write(root, 'SOURCE.md', source('a notes repository with a folder per topic, names with spaces and a README per folder'));
  for (const [relPath, text] of Object.entries(TOPICS)) write(root, relPath, text);
  write(root, 'pic/overview.png', png(40, 24, 7));
  write(root, 'pic/kv cache.png', png(40, 24, 8));
}

const [target] = process.argv.slice(2);
if (!target || target === '--help' || target === '-h') {
  console.error('usage: node scripts/corpus-stand-in.mjs <folder>   (writes <folder>/awesome-llm-learning and <folder>/llm-action)');
  process.exit(target ? 0 : 2);
}
const folder = path.resolve(target);
for (const name of ['awesome-llm-learning', 'llm-action']) {
  if (existsSync(path.join(folder, name))) {
    console.error(`${path.join(folder, name)} exists already: choose an empty folder`);
    process.exit(2);
  }
}
seedCorpus(path.join(folder, 'awesome-llm-learning'));
topicCorpus(path.join(folder, 'llm-action'));
console.log(`wrote stand-in corpora to ${folder}; run the tests with NOTES_CORPORA=${folder}`);
