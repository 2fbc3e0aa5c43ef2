#!/usr/bin/env node
import { wantsColor } from './color.js';
import { main } from './main.js';

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  interactive: process.stdout.isTTY === true && !process.env.CI,
  color: wantsColor(process.env, process.stdout.isTTY === true),
  entry: process.argv[1],
});
process.exitCode = code;
