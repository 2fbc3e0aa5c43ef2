import type { Command } from '../command.js';

export const genReadmeCommand: Command = {
  name: 'gen-readme',
  summary: 'write README.md from the notes (not built yet)',
  help: 'Usage: notes gen-readme [--check]\n\nNot built yet.',
  options: { check: { type: 'boolean' } },
  allowPositionals: false,
  built: false,
  async run(context) {
    context.stderr.write('notes gen-readme: not built yet\n');
    return 2;
  },
};
