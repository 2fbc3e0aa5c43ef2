// Renders every figure of the notes to its PNG under content/.
//
//   pnpm exec tsx scripts/figures/render.ts              # all figures
//   pnpm exec tsx scripts/figures/render.ts --only kv_cache
//
// Sources: svg/*.svg are written by hand; plots/*.ts compute their data and
// return an SVG string. Labels use the font family "Noto Sans CJK SC", so
// re-rendering needs that font installed (Debian/Ubuntu:
// `apt-get install -y fonts-noto-cjk`); without it the Chinese text falls back
// to another font or to empty boxes.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { agentLoopSvg } from './plots/agent_loop.js';
import { bpeMergesSvg } from './plots/bpe_merges.js';
import { flashAttentionTilingSvg } from './plots/flash_attention_tiling.js';
import { grpoVsPpoSvg } from './plots/grpo_vs_ppo.js';
import { perplexityCurveSvg } from './plots/perplexity_curve.js';
import { quantMappingSvg } from './plots/quant_mapping.js';
import { ragPipelineSvg } from './plots/rag_pipeline.js';
import { scalingLawsSvg } from './plots/scaling_laws.js';
import { topPSamplingSvg } from './plots/top_p_sampling.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const contentDir = path.resolve(here, '../../content');

/** 144 dpi = 2x the SVG's CSS pixels (an 800 px wide SVG becomes 1600 px). */
const DENSITY = 144;

interface Figure {
  /** PNG path relative to content/. */
  out: string;
  svg: () => Promise<string> | string;
}

const handWritten = (name: string) => () => readFile(path.join(here, 'svg', `${name}.svg`), 'utf8');

const FIGURES: Record<string, Figure> = {
  attention_flow: { out: '1.深度学习基础知识/images/attention_flow.png', svg: handWritten('attention_flow') },
  pre_post_norm: { out: '1.深度学习基础知识/images/pre_post_norm.png', svg: handWritten('pre_post_norm') },
  batchnorm_layernorm: {
    out: '1.深度学习基础知识/images/batchnorm_layernorm.png',
    svg: handWritten('batchnorm_layernorm'),
  },
  bpe_merges: { out: '2.自然语言处理基础知识/images/bpe_merges.png', svg: bpeMergesSvg },
  perplexity_curve: { out: '2.自然语言处理基础知识/images/perplexity_curve.png', svg: perplexityCurveSvg },
  parallelism: { out: '3.大语言模型基础知识/images/parallelism.png', svg: handWritten('parallelism') },
  lora_decomposition: {
    out: '3.大语言模型基础知识/images/lora_decomposition.png',
    svg: handWritten('lora_decomposition'),
  },
  rlhf_pipeline: { out: '3.大语言模型基础知识/images/rlhf_pipeline.png', svg: handWritten('rlhf_pipeline') },
  scaling_laws: { out: '3.大语言模型基础知识/images/scaling_laws.png', svg: scalingLawsSvg },
  grpo_vs_ppo: { out: '3.大语言模型基础知识/images/grpo_vs_ppo.png', svg: grpoVsPpoSvg },
  moe_routing: { out: '3.大语言模型基础知识/images/moe_routing.png', svg: handWritten('moe_routing') },
  top_p_sampling: { out: '4.大语言模型推理/images/top_p_sampling.png', svg: topPSamplingSvg },
  kv_cache: { out: '4.大语言模型推理/images/kv_cache.png', svg: handWritten('kv_cache') },
  flash_attention_tiling: {
    out: '4.大语言模型推理/images/flash_attention_tiling.png',
    svg: flashAttentionTilingSvg,
  },
  quant_mapping: { out: '4.大语言模型推理/images/quant_mapping.png', svg: quantMappingSvg },
  agent_loop: { out: '5.大语言模型应用/images/agent_loop.png', svg: agentLoopSvg },
  rag_pipeline: { out: '5.大语言模型应用/images/rag_pipeline.png', svg: ragPipelineSvg },
};

function selectedNames(argv: string[]): string[] {
  const i = argv.indexOf('--only');
  if (i === -1) return Object.keys(FIGURES);
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in FIGURES));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only expects figure names from: ${Object.keys(FIGURES).join(', ')}`);
  }
  return names;
}

async function renderOne(name: string, fig: Figure): Promise<void> {
  const dest = path.join(contentDir, fig.out);
  const tmp = `${dest}.tmp-${process.pid}`;
  const svg = await fig.svg();
  await mkdir(path.dirname(dest), { recursive: true });
  try {
    const info = await sharp(Buffer.from(svg), { density: DENSITY })
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 9, palette: false })
      .toFile(tmp);
    await rename(tmp, dest);
    console.log(`${name}: ${path.relative(process.cwd(), dest)} ${info.width}x${info.height} ${info.size} B`);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function main(): Promise<void> {
  for (const name of selectedNames(process.argv.slice(2))) {
    const fig = FIGURES[name];
    if (fig) await renderOne(name, fig);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
