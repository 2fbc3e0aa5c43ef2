#!/usr/bin/env node
// Writes packages/lint-math/src/tex/mathjax-control-sequences.generated.ts: every
// control sequence, environment and delimiter MathJax defines with GitHub's TeX packages, read from MathJax
// itself (the TeX pre-check proves "Undefined control sequence", "Unknown environment" and delimiter errors with it).
// Run after upgrading MathJax or changing the package set; a test fails until then.
// Usage: node scripts/generate-tex-names.mjs   (after `pnpm build`)
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './benchmark-support.mjs';

ensureBuilt();
const { generatedModuleText, listMathJaxControlSequences } = await import(
  pathToFileURL(path.join(repoRoot, 'packages/lint-math/dist/tex/mathjax-control-sequences.js')).href
);
const list = await listMathJaxControlSequences();
const target = path.join(repoRoot, 'packages/lint-math/src/tex/mathjax-control-sequences.generated.ts');
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, generatedModuleText(list));
renameSync(temporary, target);
console.log(`${path.relative(repoRoot, target)}: ${list.names.length} control sequences, ${list.environments.length} environments, ${list.delimiters.length} delimiters of MathJax ${list.mathjax}`);
