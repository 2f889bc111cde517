#!/usr/bin/env node
/**
 * The `authflow-mocks` bin (copied to dist/cli/cli.js by scripts/bundle-cli.mjs): runs the CLI
 * bundle (dist/cli/main.js, CommonJS) with V8's code cache, so a start skips parsing and
 * compiling the ~0.6 MB bundle (and the functions the last start compiled) when it can.
 *
 * - Node 22.1+ has this built in (`module.enableCompileCache()`); it is used there.
 * - On Node 20 the bundle is compiled as a `vm.Script` with the cached data of an earlier start.
 *   A second after starting, a process whose script had no usable cache writes one (it then holds
 *   the functions compiled so far). The cache lives in `<tmpdir>/authflow-mocks-compile-cache-<uid>`,
 *   a directory only this user may write (anything else there, and the cache is not used). V8
 *   rejects data made for another V8, other flags or a source of another length (the file's name
 *   carries a hash of the bundle for the rest); the bundle then compiles as usual.
 * - The bundle holds no `import()` (scripts/bundle-cli.mjs turns them into `require`): a
 *   `vm.Script` could run one only through Node's experimental loader option.
 * - `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch) turns the cache off. Any failure here
 *   falls back to a plain `require`.
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');

const main = path.join(__dirname, 'main.js');
/** The bundle's SHA-256, written here by scripts/bundle-cli.mjs (hashing 0.6 MB at each start costs ~5 ms). */
const bundleHash = '__BUNDLE_HASH__';

/** FNV-1a of a string, in hex (no crypto module to load at start). */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

function cacheDirectory(fs) {
  const os = require('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `authflow-mocks-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return undefined;
  }
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) return undefined;
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
  return dir;
}

/** The bundle compiled with the cache, as a function to run; undefined when the cache is unusable. */
function compileCached() {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const dir = cacheDirectory(fs);
  if (dir === undefined) return undefined;
  // The bundle's first line is a shebang: fine for require, not inside a function wrapper.
  const source = fs.readFileSync(main, 'utf8').replace(/^#!.*/, '');
  // One file per installed copy (its directory) and Node: a rebuild or an upgrade replaces it. The
  // name carries a hash of the bundle because V8 checks only the source's length (and npm gives
  // every installed file the same mtime).
  const prefix = `main-${hash(__dirname)}-${process.version}-${process.arch}-`;
  const name = `${prefix}${bundleHash.startsWith('__') ? hash(source) : bundleHash.slice(0, 16)}.cache`;
  const file = path.join(dir, name);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {}
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    setTimeout(() => {
      try {
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, file);
        for (const other of fs.readdirSync(dir)) {
          if (other.startsWith(prefix) && other !== name) fs.rmSync(path.join(dir, other), { force: true });
        }
      } catch {}
    }, 1000).unref();
  }
  const wrapper = script.runInThisContext();
  return () => {
    const mainModule = new Module(main, module);
    mainModule.filename = main;
    mainModule.paths = Module._nodeModulePaths(__dirname);
    wrapper.call(mainModule.exports, mainModule.exports, Module.createRequire(main), mainModule, main, __dirname);
  };
}

if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache();
  } catch {}
  require(main);
} else {
  let run;
  if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
    try {
      run = compileCached();
    } catch {}
  }
  // Outside the try: an error of the CLI itself must not start it a second time.
  if (run === undefined) require(main);
  else run();
}
