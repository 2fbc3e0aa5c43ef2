// Shared pieces for the generated figures: palette, text style, helpers.

export const FONT = "'Noto Sans CJK SC', sans-serif";

export const C = {
  text: '#1f2937',
  muted: '#4b5563',
  grid: '#e5e7eb',
  axis: '#374151',
  blue: '#2563eb',
  blueFill: '#dbeafe',
  orange: '#ea580c',
  orangeFill: '#ffedd5',
  purple: '#7c3aed',
  purpleFill: '#ede9fe',
  green: '#16a34a',
  greenFill: '#dcfce7',
  gray: '#9ca3af',
  grayFill: '#f3f4f6',
  red: '#dc2626',
} as const;

/** Opening <svg> with white background, base text style and an arrow marker. */
export function svgOpen(width: number, height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<style>',
    `text { font-family: ${FONT}; font-size: 20px; fill: ${C.text}; }`,
    '.title { font-size: 26px; font-weight: 700; }',
    `.note { font-size: 18px; fill: ${C.muted}; }`,
    '.s { font-size: 18px; }',
    '.b { font-weight: 700; }',
    '</style>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">',
    `<path d="M0,0 L10,5 L0,10 z" fill="${C.axis}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ].join('\n');
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rounds to 0.1 px so the SVG stays short. */
export const r1 = (x: number): string => String(Math.round(x * 10) / 10);

/** Deterministic pseudo-random numbers (mulberry32), so every render is identical. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounded box with a centred label and an optional second, smaller line. */
export function box(o: string[], x: number, y: number, w: number, h: number, label: string, fill: string, stroke: string, sub = ''): void {
  o.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`);
  const cy = sub ? y + h / 2 - 4 : y + h / 2 + 7;
  o.push(`<text x="${x + w / 2}" y="${cy}" text-anchor="middle">${esc(label)}</text>`);
  if (sub) o.push(`<text class="note" x="${x + w / 2}" y="${cy + 24}" text-anchor="middle">${esc(sub)}</text>`);
}

/** Straight arrow from (x1, y1) to (x2, y2), using the marker of svgOpen. */
export function arrow(o: string[], x1: number, y1: number, x2: number, y2: number): void {
  o.push(`<path d="M${x1},${y1} L${x2},${y2}" fill="none" stroke="${C.axis}" stroke-width="2" marker-end="url(#arrow)"/>`);
}
