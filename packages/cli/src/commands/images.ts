import type { Command } from '../command.js';

export const imagesCommand: Command = {
  name: 'images',
  summary: 'optimize the images under the content folder (not built yet)',
  help: 'Usage: notes images [--check]\n\nNot built yet.',
  options: { check: { type: 'boolean' } },
  allowPositionals: true,
  built: false,
  async run(context) {
    context.stderr.write('notes images: not built yet\n');
    return 2;
  },
};
