import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown } from '@llm-notes/core';
import { scanMath } from '@llm-notes/core';
import { ARRAY_ENVIRONMENTS, BIG_DELIMITERS, FONT_ARGUMENT, FONT_SWITCHES, ONE_ARGUMENT, OPERATORS, STYLE_SWITCHES, SYMBOLS, TEXT_COMMANDS, TWO_ARGUMENTS } from '../tex/tex-vocabulary.js';

/** One formula of a generated corpus, with the mode it is rendered in. */
export interface CorpusFormula {
  readonly tex: string;
  readonly display: boolean;
}

/** Formulas of the kind LLM notes are full of (written for this corpus). */
export const TEMPLATE_FORMULAS: readonly string[] = [
  '\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^{\\top}}{\\sqrt{d_k}}\\right)V',
  '\\mathrm{softmax}(z)_i=\\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}',
  '\\mathcal{L}_{\\mathrm{CE}}=-\\sum_{t=1}^{T}\\log p_\\theta(x_t\\mid x_{<t})',
  '\\mathrm{PPL}=\\exp\\Big(-\\frac{1}{N}\\sum_{i=1}^{N}\\log p(x_i)\\Big)',
  'W = W_0 + \\Delta W = W_0 + BA,\\quad B\\in\\mathbb{R}^{d\\times r},\\ A\\in\\mathbb{R}^{r\\times k}',
  'h = W_0 x + \\frac{\\alpha}{r} B A x',
  '\\mathrm{LayerNorm}(x)=\\gamma\\odot\\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta',
  '\\mathrm{RMSNorm}(x)=\\frac{x}{\\sqrt{\\frac{1}{d}\\sum_{i=1}^{d}x_i^2+\\epsilon}}\\odot g',
  '\\theta_i = 10000^{-2(i-1)/d},\\ i\\in[1,2,\\dots,d/2]',
  'f(x_m, m) = R_{\\Theta,m}^{d}\\, W x_m',
  '\\begin{pmatrix} \\cos m\\theta & -\\sin m\\theta \\\\ \\sin m\\theta & \\cos m\\theta \\end{pmatrix}\\begin{pmatrix} q_0 \\\\ q_1 \\end{pmatrix}',
  'L^{CLIP}(\\theta)=\\hat{\\mathbb{E}}_t\\left[\\min\\left(r_t(\\theta)\\hat{A}_t,\\ \\mathrm{clip}(r_t(\\theta),1-\\epsilon,1+\\epsilon)\\hat{A}_t\\right)\\right]',
  'r_t(\\theta)=\\frac{\\pi_\\theta(a_t\\mid s_t)}{\\pi_{\\theta_{old}}(a_t\\mid s_t)}',
  '\\mathcal{L}_{\\mathrm{DPO}} = -\\mathbb{E}_{(x,y_w,y_l)\\sim\\mathcal{D}}\\left[\\log\\sigma\\left(\\beta\\log\\frac{\\pi_\\theta(y_w|x)}{\\pi_{\\mathrm{ref}}(y_w|x)}-\\beta\\log\\frac{\\pi_\\theta(y_l|x)}{\\pi_{\\mathrm{ref}}(y_l|x)}\\right)\\right]',
  '\\max_{\\pi_\\theta}\\ \\mathbb{E}_{x\\sim\\mathcal{D},\\,y\\sim\\pi_\\theta(y|x)}\\big[r_\\phi(x,y)\\big]-\\beta\\,\\mathbb{D}_{\\mathrm{KL}}\\big[\\pi_\\theta(y|x)\\,\\|\\,\\pi_{\\mathrm{ref}}(y|x)\\big]',
  'D_{KL}(P\\|Q)=\\sum_{x} P(x)\\log\\frac{P(x)}{Q(x)}',
  'y=\\sum_{i=1}^{n} G(x)_i E_i(x),\\qquad G(x)=\\mathrm{Softmax}(\\mathrm{TopK}(x\\cdot W_g,k))',
  '\\mathrm{FFN}(x)=\\max(0, xW_1+b_1)W_2+b_2',
  '\\mathrm{SwiGLU}(x)=\\left(\\mathrm{Swish}_\\beta(xW)\\otimes xV\\right)W_2',
  '\\mathrm{GELU}(x)=x\\,\\Phi(x)\\approx 0.5x\\left(1+\\tanh\\left[\\sqrt{2/\\pi}\\,(x+0.044715x^3)\\right]\\right)',
  'C \\approx 6ND',
  'N_{opt}\\propto C^{0.5},\\quad D_{opt}\\propto C^{0.5}',
  '\\hat{y}=\\arg\\max_{y} P(y\\mid x)',
  'p(x_{1:T})=\\prod_{t=1}^{T}p(x_t\\mid x_{1:t-1})',
  'x_q = \\mathrm{round}\\left(\\frac{x}{s}\\right)+z,\\quad s=\\frac{x_{\\max}-x_{\\min}}{2^b-1}',
  '\\|W-\\hat{W}\\|_F^2',
  '\\nabla_\\theta J(\\theta)=\\mathbb{E}_{\\tau\\sim\\pi_\\theta}\\left[\\sum_{t=0}^{T}\\nabla_\\theta\\log\\pi_\\theta(a_t|s_t)\\,A^{\\pi}(s_t,a_t)\\right]',
  'A_t^{GAE}=\\sum_{l=0}^{\\infty}(\\gamma\\lambda)^l\\delta_{t+l},\\quad \\delta_t=r_t+\\gamma V(s_{t+1})-V(s_t)',
  '\\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1-\\beta_1) g_t \\\\ v_t &= \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2 \\end{aligned}',
  '\\theta_{t+1}=\\theta_t-\\eta\\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t}+\\epsilon}',
  '\\mathrm{lr}(t)=\\begin{cases} \\eta_{\\max}\\dfrac{t}{T_w}, & t<T_w \\\\ \\eta_{\\min}+\\frac{1}{2}(\\eta_{\\max}-\\eta_{\\min})\\left(1+\\cos\\frac{\\pi (t-T_w)}{T-T_w}\\right), & t\\ge T_w \\end{cases}',
  'M = 2 \\times n_{layers} \\times n_{heads} \\times d_{head} \\times L \\times b',
  'O(n^2 d)\\ \\text{vs}\\ O(n d^2)',
  '\\mathbf{h}_t=\\tanh(\\mathbf{W}_{hh}\\mathbf{h}_{t-1}+\\mathbf{W}_{xh}\\mathbf{x}_t+\\mathbf{b})',
  'P(w_i\\mid w_{i-n+1},\\ldots,w_{i-1})=\\frac{\\mathrm{count}(w_{i-n+1},\\ldots,w_i)}{\\mathrm{count}(w_{i-n+1},\\ldots,w_{i-1})}',
  '\\mathrm{BLEU}=BP\\cdot\\exp\\left(\\sum_{n=1}^{N}w_n\\log p_n\\right)',
  '\\text{score}(q,k)=\\frac{q\\cdot k}{\\sqrt{d}}',
  '\\operatorname*{argmax}_{\\theta}\\ \\sum_{i} \\log p_\\theta(y_i\\mid x_i)',
  'x\' = x + \\mathrm{Attn}(\\mathrm{LN}(x)),\\quad x\'\' = x\' + \\mathrm{FFN}(\\mathrm{LN}(x\'))',
  '\\left\\lfloor \\frac{n}{2} \\right\\rfloor + \\left\\lceil \\frac{n}{2} \\right\\rceil = n',
  '\\langle q_m, k_n\\rangle = g(x_m, x_n, m-n)',
  'Q=XW_Q,\\ K=XW_K,\\ V=XW_V',
  '\\mathrm{MultiHead}(Q,K,V)=\\mathrm{Concat}(\\mathrm{head}_1,\\dots,\\mathrm{head}_h)W^O',
  '\\sigma(x)=\\frac{1}{1+e^{-x}}',
  '\\frac{\\partial \\mathcal{L}}{\\partial W}=\\frac{\\partial \\mathcal{L}}{\\partial y}\\cdot\\frac{\\partial y}{\\partial W}',
  '\\text{显存} \\approx 16\\Phi \\text{ 字节}',
  '\\bar{x}=\\frac{1}{n}\\sum_{i=1}^n x_i,\\quad s^2=\\frac{1}{n-1}\\sum_{i=1}^n (x_i-\\bar{x})^2',
  '\\binom{n}{k}=\\frac{n!}{k!(n-k)!}',
  '\\vec{v}\\cdot\\vec{w}=\\|\\vec{v}\\|\\,\\|\\vec{w}\\|\\cos\\theta',
  '\\lim_{n\\to\\infty}\\left(1+\\frac{1}{n}\\right)^n=e',
  '\\int_0^1 x^2\\,dx=\\frac{1}{3}',
  '\\begin{bmatrix} a_{11} & a_{12} & \\cdots & a_{1n} \\\\ \\vdots & \\vdots & \\ddots & \\vdots \\\\ a_{m1} & a_{m2} & \\cdots & a_{mn} \\end{bmatrix}',
  'H(p,q)=-\\sum_x p(x)\\log q(x)',
  '\\underbrace{W_0 x}_{\\text{frozen}}+\\underbrace{BAx}_{\\text{trainable}}',
  '\\overline{AB}\\perp\\widehat{CD}',
  '\\mathbb{E}[X]=\\sum_{x} x\\,p(x)',
  '{\\small \\mathbf{Q}}_{\\mathrm{int8}}=\\mathrm{clamp}\\left(\\left\\lfloor\\frac{\\mathbf{X}}{s}\\right\\rceil,-128,127\\right)',
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const list = (set: ReadonlySet<string>): string[] => [...set].sort();

/** Pieces inserted at random places to probe every construct the pre-check knows, and the ones it does not. */
function insertions(): string[] {
  return [
    ...list(SYMBOLS).map((name) => `\\${name}`),
    ...list(OPERATORS).map((name) => `\\${name}`),
    ...list(FONT_SWITCHES).map((name) => `\\${name} `),
    ...list(STYLE_SWITCHES).map((name) => `\\${name} `),
    ...list(FONT_ARGUMENT).map((name) => `\\${name}{x}`),
    ...list(ONE_ARGUMENT).map((name) => `\\${name}{y}`),
    ...list(TWO_ARGUMENTS).map((name) => `\\${name}{a}{b}`),
    ...list(TEXT_COMMANDS).map((name) => `\\${name}{词 a}`),
    ...list(BIG_DELIMITERS).map((name) => `\\${name}(`),
    '^2', '_i', '^{n}', '_{t-1}', "'", "''", '^', '_', '{', '}', '{}', '&', '\\\\', '\\\\[2pt]', '\\\\ [x]', '%', '#', '$', '~',
    '\\limits', '\\nolimits', '\\left(', '\\right)', '\\right.', '\\middle|', '\\,', '\\;', '\\!', '\\ ', '\\{', '\\}', '\\|',
    '\\sqrt', '\\sqrt[3]{x}', '\\frac', '\\frac12', '\\hat', '\\text{a_b}', '\\text{x^2}', '\\text{a&b}', '\\text{“引号”}', '\\operatorname{foo}',
    '\\operatorname*{arg\\,max}', '\\begin{matrix}', '\\end{matrix}', '\\begin{cases}', '\\end{aligned}', '\\hline', '\\tag{1}', '\\label{a}',
    '\\color{red}', '\\boxed{x}', '\\mathbf', '\\argmax', '\\R', '\\bm{x}', '\\over', '\\choose', '\\not', '\\pmod{n}', '\\stackrel{a}{=}',
    '\\xrightarrow{f}', '\\cancel{x}', '\\ce{H2O}', '\\mathrm{x}^2^3', '中', '×', '≤', '𝐱', '\u00a0', '\u3000', '’', '@>', '@',
  ];
}

type Mutation = (tex: string, pick: <T>(items: readonly T[]) => T, at: () => number) => string;

const MUTATIONS: readonly Mutation[] = [
  // Insert a piece at a random place (may land inside a macro name, as typos do).
  (tex, pick, at) => {
    const index = at();
    return tex.slice(0, index) + pick(INSERTIONS) + tex.slice(index);
  },
  // Delete one character.
  (tex, _pick, at) => {
    const index = at();
    return tex.slice(0, index) + tex.slice(index + 1);
  },
  // Delete one brace.
  (tex, pick) => {
    const braces = [...tex.matchAll(/[{}]/gu)].map((match) => match.index);
    if (braces.length === 0) return tex;
    const index = pick(braces);
    return tex.slice(0, index) + tex.slice(index + 1);
  },
  // Misspell a control word.
  (tex, pick) => {
    const words = [...tex.matchAll(/\\[A-Za-z]{2,}/gu)];
    if (words.length === 0) return tex;
    const word = pick(words);
    const name = word[0].slice(1);
    const swapped = `\\${name.slice(0, -2)}${name.slice(-1)}${name.slice(-2, -1)}`;
    return tex.slice(0, word.index) + swapped + tex.slice(word.index + word[0].length);
  },
  // Add a script after an existing script, a prime or a group.
  (tex, pick) => {
    const places = [...tex.matchAll(/[}^_'A-Za-z0-9)]/gu)].map((match) => match.index + 1);
    if (places.length === 0) return tex;
    const index = pick(places);
    return tex.slice(0, index) + pick(SCRIPTS) + tex.slice(index);
  },
  // Cut the formula short.
  (tex, _pick, at) => tex.slice(0, at()),
  // Swap an environment's name at its beginning.
  (tex, pick) => tex.replace(/\\begin\{(\w+)\}/u, () => `\\begin{${pick([...list(ARRAY_ENVIRONMENTS), 'array', 'align', 'foo'])}}`),
];

const INSERTIONS = insertions();

/** Scripts added after a node, a script, a prime or a group. */
const SCRIPTS = [
  '^2', '_k', "'", '^{(l)}', '_\\mathrm{x}', '^\\top', '^\\,', '_\\{', '^\\|', '_\\alpha', '^\\sin', '_\\frac12', '^\\text{a}',
  '^\\sqrt{2}', '_\\big(', "'^2", "_1'",
];

/** Ways a formula is nested into a larger one, as notes do. */
const WRAPPERS: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `${a} = ${b}`,
  (a, b) => `\\frac{${a}}{${b}}`,
  (a) => `\\sqrt{${a}}`,
  (a) => `\\left(${a}\\right)^{2}`,
  (a) => `\\left[${a}\\right]_{i}`,
  (a) => `{${a}}^{\\top}`,
  (a) => `\\mathbf{${a}}`,
  (a) => `\\sum_{i=1}^{n} ${a}`,
  (a, b) => `\\begin{aligned} y &= ${a} \\\\ z &= ${b} \\end{aligned}`,
  (a, b) => `\\begin{cases} ${a}, & x > 0 \\\\ ${b}, & \\text{否则} \\end{cases}`,
  (a, b) => `\\begin{pmatrix} ${a} & ${b} \\\\ ${b} & ${a} \\end{pmatrix}`,
  (a, b) => `${a},\\quad ${b}`,
  (a) => `\\underbrace{${a}}_{\\text{项}}`,
  (a) => `\\operatorname*{argmin}_{\\theta} ${a}`,
  (a) => `\\small ${a}`,
];

/**
 * A deterministic corpus of `size` distinct formulas: the given real ones and
 * the templates first, then variants built from them (nested into one another,
 * and mutated: pieces inserted, characters and braces deleted, macros
 * misspelled, scripts doubled, formulas cut short, environments renamed).
 * About half of the variants are broken, as formulas being written often are.
 */
export function formulaCorpus(real: readonly string[], size: number, seed = 14): CorpusFormula[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sources = [...new Set([...real, ...TEMPLATE_FORMULAS].map((tex) => tex.trim()).filter((tex) => tex !== ''))];
  const seen = new Set<string>();
  const corpus: CorpusFormula[] = [];
  const add = (tex: string, display: boolean) => {
    const key = `${display ? 'D' : 'I'}${tex}`;
    if (tex.trim() === '' || seen.has(key) || corpus.length >= size) return;
    seen.add(key);
    corpus.push({ tex, display });
  };
  for (const tex of sources) add(tex, next() < 0.3);
  for (let attempt = 0; corpus.length < size && attempt < size * 20; attempt++) {
    let tex = pick(sources);
    if (next() < 0.6) tex = pick(WRAPPERS)(tex.length > 200 ? pick(TEMPLATE_FORMULAS) : tex, pick(sources).slice(0, 120));
    if (next() < 0.5) {
      const mutations = next() < 0.8 ? 1 : 2;
      for (let count = 0; count < mutations; count++) tex = pick(MUTATIONS)(tex, pick, () => Math.floor(next() * (tex.length + 1)));
    }
    add(tex, next() < 0.3);
  }
  return corpus;
}

/** The TeX of every formula in the Markdown files under `folders` (missing folders are skipped), as MathJax receives it. */
export function formulasOfNotes(folders: readonly string[]): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!entry.endsWith('.md') || entry.split(path.sep).includes('node_modules')) continue;
      const text = readFileSync(path.join(folder, entry), 'utf8');
      for (const formula of scanMath(parseMarkdown(text), text).formulas) found.push(formula.inTable ? formula.tex.replace(/\\\|/gu, '|') : formula.tex);
    }
  }
  return found;
}
