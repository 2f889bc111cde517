#!/usr/bin/env node
/**
 * The `authflow-mocks` bin (copied to dist/cli/cli.js by scripts/bundle-cli.mjs): runs the CLI
 * bundle (dist/cli/main.js, CommonJS) with V8's code cache, so a start skips parsing and
 * compiling the ~0.6 MB bundle (and the functions the last start compiled) when it can.
 *
 * - The cache lives in `<tmpdir>/authflow-mocks-compile-cache-<uid>`: a directory this user owns
 *   with mode 0700, under a parent no other user can rename it in (owned by this user or root,
 *   and sticky if others may write it). V8 accepts cached data for any source of the same length
 *   and runs its bytecode, so a cache file someone else wrote would run their code as this user:
 *   anything in doubt, and the cache is not used.
 * - Node 22.1+ has a compile cache built in (`module.enableCompileCache()`); it is given this same
 *   checked directory. Node's default, `<tmpdir>/node-compile-cache`, is shared by every user of
 *   the machine: whoever creates it first decides who may write it, and Node checks a cache
 *   entry's checksums (which a planter computes too), not its owner.
 * - On Node 20 the bundle is compiled as a `vm.Script` with the cached data of an earlier start.
 *   The cache file is opened once and checked on that descriptor (a regular file of this user,
 *   one link, writable by no one else) before its bytes are read through it, so the file checked
 *   is the file read. A second after starting, a process whose script had no usable cache writes
 *   one (it then holds the functions compiled so far) to a fresh name opened with O_EXCL (never
 *   through a planted link), then renames it into place. V8 rejects data made for another V8,
 *   other flags or a source of another length (the file's name carries a hash of the bundle for
 *   the rest); the bundle then compiles as usual.
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

/** Whether a directory `stat` is safe from other users: theirs to write only if sticky. */
function guarded(stat, uid) {
  if (!stat.isDirectory()) return false;
  if (uid === undefined) return true;
  if (stat.uid !== uid && stat.uid !== 0) return false;
  // Others may write here: only a sticky directory stops them renaming our entries.
  return (stat.mode & 0o022) === 0 || (stat.mode & 0o1000) !== 0;
}

/** The checked cache directory (see the module comment), or undefined when there is none. */
function cacheDirectory(fs) {
  const os = require('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const parent = os.tmpdir();
  if (!guarded(fs.statSync(parent), uid)) return undefined;
  const dir = path.join(parent, `authflow-mocks-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return undefined;
  }
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) return undefined;
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined;
  return dir;
}

/**
 * The bytes of `file` when it is this user's own cache: opened without following a link, then
 * checked on the open descriptor and read through it (no second lookup by name to race).
 */
function readOwnFile(fs, file) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.nlink !== 1) return undefined;
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `bytes` to a fresh name opened with O_EXCL (never through a planted link), then renames it to `file`. */
function writeOwnFile(fs, file, bytes) {
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  const fd = fs.openSync(temporary, flags, 0o600);
  try {
    fs.writeSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
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
  const cachedData = readOwnFile(fs, file);
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    setTimeout(() => {
      try {
        writeOwnFile(fs, file, script.createCachedData());
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
  // Node's own cache, in the checked directory; none when there is none (see the module comment).
  if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
    try {
      const dir = cacheDirectory(require('node:fs'));
      if (dir !== undefined) Module.enableCompileCache(path.join(dir, 'node'));
    } catch {}
  }
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
