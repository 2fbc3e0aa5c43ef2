/** One row of the summary: an image and what happened to it. */
export interface ImageRow {
  readonly file: string;
  readonly before: number;
  readonly after: number;
  /** `optimized`, `unchanged`, `skipped`, `error`, `failed`… */
  readonly status: string;
  readonly note?: string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function saved(row: { before: number; after: number }): string {
  const bytes = row.before - row.after;
  if (bytes === 0 || row.before === 0) return '0';
  return `${formatBytes(bytes)} (${((bytes / row.before) * 100).toFixed(1)} %)`;
}

function cells(rows: readonly ImageRow[]): string[][] {
  const total = rows.reduce((sum, row) => ({ before: sum.before + row.before, after: sum.after + row.after }), { before: 0, after: 0 });
  const body = rows.map((row) => [row.file, formatBytes(row.before), formatBytes(row.after), saved(row), row.note ? `${row.status}: ${row.note}` : row.status]);
  return [...body, [`total (${rows.length} images)`, formatBytes(total.before), formatBytes(total.after), saved(total), '']];
}

const HEADER = ['file', 'before', 'after', 'saved', 'status'];

/** Wide (CJK, full-width) characters take two terminal columns; the content's folder names are Chinese. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

function displayWidth(text: string): number {
  return [...text].length + (text.match(WIDE)?.length ?? 0);
}

function pad(text: string, width: number, end: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return end ? text + fill : fill + text;
}

/** A plain-text table for the terminal. */
export function textTable(rows: readonly ImageRow[]): string {
  const table = [HEADER, ...cells(rows)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]!))));
  const lines = table.map((row) => row.map((cell, column) => pad(cell, widths[column]!, column === 0 || column === 4)).join('  ').trimEnd());
  return `${lines.join('\n')}\n`;
}

function escapeMarkdown(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

/** The same table in Markdown, for a CI job summary. */
export function markdownTable(title: string, rows: readonly ImageRow[]): string {
  const lines = [`### ${title}`, '', `| ${HEADER.join(' | ')} |`, '| --- | ---: | ---: | ---: | --- |'];
  for (const row of cells(rows)) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
  return `${lines.join('\n')}\n\n`;
}
