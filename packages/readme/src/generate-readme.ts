import path from 'node:path';
import {
  type Config,
  type ContentModel,
  type FileStamp,
  type RepoRoot,
  encodeText,
  readRegularFileWithStats,
  resolveConfigOutput,
  stampOf,
} from '@llm-notes/core';
import type { NoteTarget, RewriteContext } from './link-rewrite.js';
import { assignAnchors } from './readme-anchors.js';
import { forNote } from './prepared-note.js';
import { type Part, planReadme } from './readme-parts.js';
import { renderNote } from './render-note.js';
import { renderToc } from './render-toc.js';

/** A file `gen-readme` would write: its text before (undefined when missing) and after. */
export interface FileUpdate {
  /** Relative to the repository root. */
  readonly relPath: string;
  readonly absolute: string;
  readonly before: string | undefined;
  readonly after: string;
  readonly bytes: Buffer;
  readonly changed: boolean;
  /** The file as read (`absent` when missing): it is written only if still so (compare-and-swap). */
  readonly stamp: FileStamp | 'absent' | undefined;
}

export interface ReadmeResult {
  /** Notes whose TOC blocks are regenerated (changed ones only), in reading order. */
  readonly notes: readonly FileUpdate[];
  readonly readme: FileUpdate;
  /** The repository root the paths lie in. */
  readonly root: string;
}

function noteTargets(parts: readonly Part[], anchors: ReturnType<typeof assignAnchors>): Map<string, NoteTarget> {
  const targets = new Map<string, NoteTarget>();
  for (const part of parts) {
    if (part.kind !== 'note') continue;
    const readmeAnchors = anchors.notes.get(part) ?? [];
    const fragments = new Map<string, string>();
    part.note.anchors.forEach((own, index) => {
      const readmeAnchor = readmeAnchors[index];
      if (readmeAnchor !== undefined) fragments.set(own.normalize('NFC'), readmeAnchor);
    });
    targets.set(part.note.section.relPath.normalize('NFC'), { anchor: anchors.fixed.get(part.heading) ?? '', fragments });
  }
  return targets;
}

/** A generated README is a few megabytes; a larger file at its path is not ours and is refused. */
const MAX_README_BYTES = 256 * 1024 * 1024;

function readIfExists(absolute: string, shown: string): ReturnType<typeof readRegularFileWithStats> | undefined {
  try {
    return readRegularFileWithStats(absolute, shown, { maxBytes: MAX_README_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Computes the README (and the notes' regenerated TOC blocks) without writing
 * anything. Throws a UserError naming the file when a note cannot be read.
 */
export function generateReadme(repo: RepoRoot, config: Config, content: ContentModel): ReadmeResult {
  const readmeRel = path.posix.normalize(config.readme.output.split(path.sep).join('/'));
  const readmeFolder = path.posix.dirname(readmeRel) === '.' ? '' : path.posix.dirname(readmeRel);
  const parts = planReadme(repo, config, content);
  const anchors = assignAnchors(parts);
  const notes = noteTargets(parts, anchors);

  const blocks: string[] = [];
  for (const part of parts) {
    if (part.kind === 'fixed') blocks.push(part.text);
    else if (part.kind === 'toc') blocks.push(renderToc(part, anchors, config.readme.tocLinks, readmeFolder));
    else {
      const context: RewriteContext = { notePath: part.note.section.relPath, readmeFolder, notes };
      blocks.push(forNote(part.note.section.relPath, () => renderNote(part.note, part.top, context)));
    }
  }
  const readmeText = `${blocks.filter((block) => block !== '').join('\n\n')}\n`;

  const absolute = resolveConfigOutput(repo, 'readme.output', config.readme.output, content.relPath);
  const bytes = Buffer.from(readmeText, 'utf8');
  const read = readIfExists(absolute, readmeRel);
  const previous = read?.bytes;
  const readme: FileUpdate = {
    relPath: readmeRel,
    absolute,
    before: previous?.toString('utf8'),
    after: readmeText,
    bytes,
    changed: previous === undefined || !previous.equals(bytes),
    stamp: read === undefined ? 'absent' : stampOf(read.bytes, read.stats),
  };

  const noteUpdates: FileUpdate[] = [];
  for (const part of parts) {
    if (part.kind !== 'note' || part.note.updated === part.note.decoded.text) continue;
    noteUpdates.push({
      relPath: part.note.section.relPath,
      absolute: part.note.section.path,
      before: part.note.decoded.text,
      after: part.note.updated,
      bytes: encodeText(part.note.updated, part.note.decoded.bom),
      changed: true,
      stamp: part.note.decoded.stamp,
    });
  }
  return { notes: noteUpdates, readme, root: repo.path };
}
