/**
 * `npm start` (and `npm run newman`; in a clone, `npm start -- <command> …` runs any command): runs
 * the built CLI, building first only when dist/ is older than a source it is built from. The CLI runs in this process, the one npm's shell started; a
 * POSIX `sh -c` does not pass SIGTERM on to its child, so the CLI also closes when that shell
 * goes away (`npm start & … kill $!` frees the port).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFiles, needsBuild } from './ensure-built.mjs';

const root = join(import.meta.dirname, '..');

if (needsBuild(root)) {
  process.stderr.write('authflow-mocks: dist/ is out of date, building…\n');
  const npm = process.env.npm_execpath;
  const build = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: true });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// When the shell npm started is killed, this process is re-parented: close as on SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 200).unref();

// `npm start -- init …` (any command, in a clone): the script's own `serve` gives way to it.
const commands = ['serve', 'newman', 'verify', 'init', 'collections', 'help', '--version'];
const args = process.argv.slice(2);
if (args[0] === 'serve' && commands.includes(args[1] ?? '')) args.shift();
const cli = join(root, builtFiles[0]);
process.argv = [process.argv[0], cli, ...args];
await import(pathToFileURL(cli).href);
