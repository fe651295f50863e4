// A compile cache for the CLI's bundle: V8's code for the chunks a command ran, kept between runs, so that a
// command's start-up does not parse and compile the same megabyte of JavaScript again (about a fifth of a
// `check` of a small account). Node 22 has this built in (module.enableCompileCache); Node 20 has it only for
// scripts, through vm.Script's cachedData, which is why the bundle's chunks are CommonJS.
//
// The cache lives in $ASBUILT_CACHE_DIR, else $XDG_CACHE_HOME/asbuilt, else ~/.cache/asbuilt, one folder per
// Node version and architecture (V8's code is valid only there; V8 also rejects data made under other flags,
// and the run then compiles as usual and writes fresh data). An entry is named by a hash of the file's path
// and contents (the build's id, dist/build-id, a hash of every file the build wrote, stands for them), so a
// rebuilt chunk never meets the code of its predecessor. ASBUILT_COMPILE_CACHE=0 turns it off. Nothing here
// may fail a command: a cache that cannot be read or written is a cache miss.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { homedir } from "node:os";
import { dirname, join, sep } from "node:path";
import vm from "node:vm";

/** Files kept (entries and markers): a build has about 90 chunks, so every command of a few builds. */
const KEEP = 512;

/** The folder for this Node, or undefined when there is none to use. */
export function cacheDir(env = process.env) {
  if (env.ASBUILT_COMPILE_CACHE === "0") return undefined;
  const base = cacheBase(env);
  return base ? join(base, `v8-${process.version}-${process.arch}`) : undefined;
}

function cacheBase(env) {
  if (env.ASBUILT_CACHE_DIR) return env.ASBUILT_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "asbuilt");
  const home = safeHome();
  return home && join(home, ".cache", "asbuilt");
}

function safeHome() {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compiles the .cjs files under `root` through the cache from now on. At exit, the code of each file that
 * had no usable entry is written (after the run, so the entry holds the functions the command called, not
 * only the top level), each through a temporary file and a rename: concurrent runs never read half an entry.
 * A file's code is written from its second run on (the first leaves an empty marker): serializing it costs
 * a run about as much as the cache saves the next (50 ms and 8 MiB for import's SDK chunk), and a single
 * run, a CI job's, would pay that for a cache nobody reads.
 */
export function installCompileCache(root, dir = cacheDir()) {
  // With --enable-source-maps, Node's own loader compiles, so that stack traces name the TypeScript lines.
  if (!dir || process.sourceMapsEnabled) return;
  const prefix = root.endsWith(sep) ? root : root + sep;
  let build;
  try {
    build = readFileSync(join(root, "build-id"), "utf8").trim() || undefined;
  } catch {
    build = undefined;
  }
  const misses = [];
  const firstSeen = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix) || !filename.endsWith(".cjs"))
      return compile.call(this, content, filename);
    // The build's id stands for the contents (hashing them cost 6 MiB and a few ms a run); without one,
    // the contents themselves.
    const key = createHash("sha1").update(filename).update("\0");
    if (build) key.update(build).update("\0").update(String(content.length));
    else key.update(content);
    const entry = join(dir, `${key.digest("hex")}.v8`);
    let cachedData;
    try {
      cachedData = readFileSync(entry);
    } catch {
      cachedData = undefined;
    }
    // Seen for the first time: Node's own loader compiles it, as without a cache; only a marker is left.
    if (cachedData === undefined && !existsSync(`${entry}.seen`)) {
      firstSeen.push(entry);
      return compile.call(this, content, filename);
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) misses.push({ script, entry });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once("exit", () => {
    if (misses.length === 0 && firstSeen.length === 0) return;
    try {
      mkdirSync(dir, { recursive: true });
      // Entries of other Node versions are of no more use once this one runs here: one folder stays.
      for (const e of readdirSync(dirname(dir), { withFileTypes: true }))
        if (e.isDirectory() && e.name.startsWith("v8-") && join(dirname(dir), e.name) !== dir)
          rmSync(join(dirname(dir), e.name), { recursive: true, force: true });
      for (const entry of firstSeen) writeFileSync(`${entry}.seen`, "");
      for (const { script, entry } of misses) {
        const tmp = `${entry}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, entry);
        rmSync(`${entry}.seen`, { force: true });
      }
      // Each build's chunks have new names: past builds' entries go, the newest few hundred stay.
      const entries = readdirSync(dir).filter((n) => n.endsWith(".v8") || n.endsWith(".seen"));
      if (entries.length > KEEP)
        for (const { path } of entries
          .map((n) => ({ path: join(dir, n), at: statSync(join(dir, n)).mtimeMs }))
          .sort((a, b) => b.at - a.at)
          .slice(KEEP))
          rmSync(path, { force: true });
    } catch {
      // A read-only home, a full disk: the next run compiles as this one did.
    }
  });
}
