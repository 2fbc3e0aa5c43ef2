// One long-lived CLI process for the catalogue tests: started with the fs
// recorder (`node --import record-fs.mjs cli-server.mjs <bundle/main.js>`), it
// runs each command it is sent over IPC through the bundled `main`, in the
// command's working folder and environment, recording into the command's own
// log, and answers with the exit code and what the command wrote. The
// process boundary stays (the recorder sees every open; a crash kills only
// this process), without a Node start and module load per command.
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { recordInto } from './record-fs.mjs';

const { main } = await import(pathToFileURL(process.argv[2]).href);
let current;

// A promise a command left behind that fails later is an internal error of the command that ran.
process.on('unhandledRejection', (error) => {
  current?.stderr.push(`internal error (unhandled rejection): ${error instanceof Error ? error.stack : String(error)}\n`);
});

process.on('message', async (request) => {
  const stdout = [];
  const stderr = [];
  current = { stdout, stderr };
  process.chdir(request.cwd);
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, request.env);
  recordInto(request.log);
  let code;
  try {
    code = await main(request.args, {
      stdout: { write: (chunk) => stdout.push(String(chunk)) },
      stderr: { write: (chunk) => stderr.push(String(chunk)) },
      cwd: request.cwd,
      env: process.env,
      interactive: false,
      color: false,
      entry: request.entry,
    });
  } catch (error) {
    // What Node prints for an uncaught error, with the exit code it uses.
    stderr.push(`${error instanceof Error ? error.stack : String(error)}\n`);
    code = 1;
  }
  recordInto(undefined);
  current = undefined;
  process.send({ id: request.id, code, stdout: stdout.join(''), stderr: stderr.join('') });
});
process.send({ ready: true });
