// Generates a notes repository of many tiny notes (for the size benchmark):
// `chapters` numbered chapter folders of `notesPerChapter` notes each, every
// note a heading, a sentence with an inline formula, a link to the next note's
// heading and one to a figure of its chapter. Deterministic; returns where it is.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function buildSizeRepository(notes, { notesPerChapter = 100 } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-size-'));
  const chapters = Math.ceil(notes / notesPerChapter);
  let written = 0;
  let bytes = 0;
  for (let chapter = 1; chapter <= chapters; chapter++) {
    const folder = path.join(root, 'content', `${chapter}.第${chapter}章`);
    mkdirSync(path.join(folder, 'images'), { recursive: true });
    writeFileSync(path.join(folder, 'images', 'figure.png'), 'png');
    const count = Math.min(notesPerChapter, notes - written);
    for (let note = 1; note <= count; note++) {
      const next = note === count ? 1 : note + 1;
      const text = `# 第${note}节 注意力\n\n缩放点积 $\\frac{QK^T}{\\sqrt{d_${note}}}$ 见[下一节](${next}.笔记${next}.md#第${next}节-注意力)。\n\n![图](./images/figure.png)\n`;
      writeFileSync(path.join(folder, `${note}.笔记${note}.md`), text);
      bytes += Buffer.byteLength(text);
    }
    written += count;
  }
  writeFileSync(path.join(root, 'notes.config.json'), '{}\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  return { root, files: written, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = buildSizeRepository(Number(process.argv[2] ?? 20000));
  console.log(`${built.files} notes, ${(built.bytes / 1e6).toFixed(1)} MB`);
  console.log(built.root);
}
