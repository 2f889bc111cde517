// Loaded with `node --import`: records every package the process imports (ESM) or requires
// (CommonJS: the built CLI is a CommonJS bundle) and prints the list to stderr as
// `packages: a,b,c` when asked with SIGUSR2 and on exit. Used to check what `serve` loads.
import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const seen = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (name) => seen.add(name));
port1.unref();
register(
  `data:text/javascript,${encodeURIComponent(`
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(result.url);
  if (m) port.postMessage(m[1]);
  return result;
}`)}`,
  { data: { port: port2 }, transferList: [port2] },
);
const packageOf = (path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const path = resolveFilename.apply(this, args);
  const name = packageOf(path);
  if (name !== undefined) seen.add(name);
  return path;
};
const print = () => process.stderr.write(`packages: ${[...seen].sort().join(',')}\n`);
process.on('SIGUSR2', print);
// Also on exit, for commands that end by themselves (`--version`).
process.on('exit', print);
