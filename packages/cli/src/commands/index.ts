import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { docsCommand } from './docs.js';
import { fixCommand } from './fix.js';
import { genReadmeCommand } from './gen-readme.js';
import { imagesCommand } from './images.js';
import { lintCommand } from './lint.js';
import { preCommitCommand } from './pre-commit.js';

export const commands: readonly Command[] = [genReadmeCommand, lintCommand, fixCommand, imagesCommand, checkCommand, docsCommand, preCommitCommand];
