import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const content = path.join(root, 'content');

/** The table of contents the repository promises its readers. */
const EXPECTED: Record<string, string[]> = {
  '0.引言': ['0.ignore.md'],
  '1.深度学习基础知识': ['1.Transformer基础.md', '2.深度神经网络基础.md'],
  '2.自然语言处理基础知识': ['1.分词器(Tokenizer).md', '2.经典NLP模型.md', '3.困惑度(perplexity).md'],
  '3.大语言模型基础知识': [
    '1.训练框架介绍(Megatron-lm、DeepSpeed).md',
    '2.参数高效微调(PEFT).md',
    '3.经典开源LLM介绍.md',
    '4.RLHF介绍.md',
    '5.CoT、ToT介绍.md',
    '6.SFT训练.md',
    '7.混合专家模型(MOE).md',
    '8.推理模型与强化学习.md',
    '9.缩放定律与评测.md',
  ],
  '4.大语言模型推理': [
    '1.Huggingface推理参数介绍.md',
    '2.KVCache.md',
    '3.LLM推理成本介绍.md',
    '4.高效注意力与显存.md',
    '5.模型量化.md',
  ],
  '5.大语言模型应用': ['1.LangChain介绍.md', '2.检索增强生成(RAG).md', '3.智能体(Agent).md'],
  '6.大语言模型前沿分享': ['1.LLM相关博客分享.md', '2.LLM相关论文分享.md'],
};
/**
 * Sections added later are held to the current bar: longer, more questions, a figure of their own,
 * papers cited with their arXiv ids, and links into the rest of the notes.
 */
const CURRENT_BAR = new Set([
  '8.推理模型与强化学习.md',
  '4.高效注意力与显存.md',
  '5.模型量化.md',
  '2.检索增强生成(RAG).md',
  '3.智能体(Agent).md',
  '9.缩放定律与评测.md',
]);
/**
 * Sections refreshed with 2024–2026 material: each gained at least two interview questions, so it
 * keeps at least this many level-4 questions.
 */
const REFRESHED: Record<string, number> = {
  '1.Transformer基础.md': 11,
  '3.经典开源LLM介绍.md': 18,
  '4.RLHF介绍.md': 12,
  '5.CoT、ToT介绍.md': 12,
  '7.混合专家模型(MOE).md': 14,
  '1.Huggingface推理参数介绍.md': 13,
  '2.KVCache.md': 11,
  '1.LangChain介绍.md': 11,
};
/** An italic title that names a paper (starts with a capital letter), as the notes cite them. */
const CITED_TITLE = /(?<![*\w])\*([A-Z][^*\n]{6,})\*(?![*\w])/gu;
/** Curated lists are judged by their items, not their prose. */
const LISTS = new Set(['1.LLM相关博客分享.md', '2.LLM相关论文分享.md']);

function cjkCount(text: string): number {
  return (text.match(/[\u4e00-\u9fff]/gu) ?? []).length;
}

function withoutCode(text: string): string {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gmu, '').replace(/`[^`\n]*`/gu, '');
}

function read(chapter: string, note: string): string {
  return readFileSync(path.join(content, chapter, note), 'utf8');
}

/** Local image destinations of Markdown images and HTML <img>, outside code. */
function localImages(text: string): string[] {
  const prose = withoutCode(text);
  const found = [
    ...[...prose.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/gu)].map((match) => match[1] ?? ''),
    ...[...prose.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gu)].map((match) => match[1] ?? ''),
  ];
  return found.filter((src) => !/^[a-z]+:|^\/\//iu.test(src));
}

describe('the notes', () => {
  for (const [chapter, notes] of Object.entries(EXPECTED)) {
    for (const note of notes) {
      it(`${chapter}/${note} exists and is a real note`, () => {
        expect(existsSync(path.join(content, chapter, note))).toBe(true);
        const text = read(chapter, note);
        if (chapter === '0.引言') {
          expect(cjkCount(text)).toBeGreaterThanOrEqual(300);
        } else if (LISTS.has(note)) {
          expect((text.match(/^\s*[-*] .*\]\(https?:\/\//gmu) ?? []).length).toBeGreaterThanOrEqual(10);
        } else {
          expect(cjkCount(text)).toBeGreaterThanOrEqual(1500);
          // Organised as interview questions under level-4 headings, no top-level headings.
          expect((text.match(/^#### /gmu) ?? []).length).toBeGreaterThanOrEqual(4);
          expect(withoutCode(text)).not.toMatch(/^#{1,3} /mu);
        }
        const questions = REFRESHED[note];
        if (questions !== undefined) expect((text.match(/^#### /gmu) ?? []).length).toBeGreaterThanOrEqual(questions);
        if (CURRENT_BAR.has(note)) {
          const prose = withoutCode(text);
          expect(cjkCount(text)).toBeGreaterThanOrEqual(2000);
          expect((text.match(/^#### /gmu) ?? []).length).toBeGreaterThanOrEqual(5);
          expect(localImages(text).length).toBeGreaterThanOrEqual(1);
          expect(prose).toMatch(/\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}\)/u);
          // Links into other notes of the repository (not only to itself or to images).
          const notes = [...prose.matchAll(/\]\(<?(\.\.?\/[^>#\s]+?\.md)(?=[#>)])/gu)].map((match) => match[1] ?? '');
          expect(notes.filter((target) => !target.endsWith(`/${note}`)).length).toBeGreaterThanOrEqual(2);
        }
      });
    }
  }

  it('every paper cited by its title carries its arXiv id on the same line', () => {
    const missing: string[] = [];
    for (const [chapter, notes] of Object.entries(EXPECTED)) {
      for (const note of notes) {
        for (const line of withoutCode(read(chapter, note)).split('\n')) {
          if (!/arXiv:\d{4}\.\d{4,5}/u.test(line)) {
            for (const match of line.matchAll(CITED_TITLE)) missing.push(`${chapter}/${note}: ${match[1] ?? ''}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every referenced image exists, every image is referenced, and there are at least 8 figures', () => {
    const referenced = new Set<string>();
    for (const [chapter, notes] of Object.entries(EXPECTED)) {
      for (const note of notes) {
        for (const src of localImages(read(chapter, note))) {
          const target = path.normalize(path.join(content, chapter, decodeURI(src)));
          expect(existsSync(target), `${chapter}/${note} → ${src}`).toBe(true);
          referenced.add(target);
        }
      }
    }
    const images = Object.keys(EXPECTED).flatMap((chapter) => {
      const folder = path.join(content, chapter, 'images');
      return existsSync(folder) ? readdirSync(folder).map((name) => path.join(folder, name)) : [];
    });
    for (const image of images) expect(referenced.has(image), `${path.relative(root, image)} is not referenced`).toBe(true);
    expect(images.filter((image) => image.endsWith('.png')).length).toBeGreaterThanOrEqual(8);
  });

  it('every figure keeps its source and re-renders with one command', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.figures).toBeDefined();
    const renderer = readFileSync(path.join(root, 'scripts', 'figures', 'render.ts'), 'utf8');
    for (const chapter of Object.keys(EXPECTED)) {
      const folder = path.join(content, chapter, 'images');
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) expect(renderer, `no source for ${name}`).toContain(path.basename(name, '.png'));
    }
  });
});
