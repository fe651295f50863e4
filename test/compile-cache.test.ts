import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// The compiled CLI keeps V8's code for its chunks between runs (bin/compile-cache.js). A cache must never
// change what a command does: these run `check` of the edroplets seed account with the cache empty, warm,
// corrupted, off and unwritable, and compare each result with the run that had no cache at all.

const F = join(ROOT, "fixtures", "edroplets");
const CHECK = ["check", join(F, "snapshot.json"), "--spec", join(F, "architecture.yaml"), "--format", "json"];

function run(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/asbuilt.js"), ...CHECK], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The entries under a cache dir (one folder per Node version), with their modification times. */
function entries(base: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(base)) return out;
  for (const v of readdirSync(base))
    for (const e of readdirSync(join(base, v))) out.set(join(base, v, e), statSync(join(base, v, e)).mtimeMs);
  return out;
}

describe("the compile cache", () => {
  const reference = run({ ASBUILT_COMPILE_CACHE: "0" });

  it("is written by the second run (the first leaves markers) and read, unchanged, by the next", () => {
    expect(reference.code).toBe(1); // edroplets has high findings
    const base = tempDir();
    expect(run({ ASBUILT_CACHE_DIR: base })).toEqual(reference);
    const marked = [...entries(base).keys()];
    expect(marked.length).toBeGreaterThan(5); // the CLI, the check command and the chunks they share
    expect(marked.every((p) => p.endsWith(".v8.seen"))).toBe(true);
    expect(readdirSync(base)).toEqual([`v8-${process.version}-${process.arch}`]);
    expect(run({ ASBUILT_CACHE_DIR: base })).toEqual(reference);
    const written = entries(base);
    expect([...written.keys()].sort()).toEqual(marked.map((p) => p.replace(/\.seen$/, "")).sort());
    expect(run({ ASBUILT_CACHE_DIR: base })).toEqual(reference);
    expect(entries(base)).toEqual(written); // all hits: nothing rewritten
  });

  it("replaces an entry V8 rejects (corrupted, or from other flags) and still runs the command", () => {
    const base = tempDir();
    run({ ASBUILT_CACHE_DIR: base });
    run({ ASBUILT_CACHE_DIR: base });
    const [victim] = [...entries(base).keys()].sort((a, b) => statSync(b).size - statSync(a).size);
    if (!victim) throw new Error("no entries written");
    writeFileSync(victim, Buffer.alloc(statSync(victim).size, 7));
    expect(run({ ASBUILT_CACHE_DIR: base })).toEqual(reference);
    expect(readFileSync(victim).every((b) => b === 7)).toBe(false);
  });

  it("writes nothing when turned off or with source maps on, and a cache dir that cannot be written is only a miss", () => {
    const off = tempDir();
    expect(run({ ASBUILT_CACHE_DIR: off, ASBUILT_COMPILE_CACHE: "0" })).toEqual(reference);
    expect(entries(off).size).toBe(0);
    // With source maps on, Node's loader compiles (it maps stack traces only for what it compiled itself).
    expect(run({ ASBUILT_CACHE_DIR: off, NODE_OPTIONS: "--enable-source-maps" })).toEqual(reference);
    expect(entries(off).size).toBe(0);
    // A folder under a file cannot be made, whoever runs the test (a read-only mode does not stop root).
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    expect(run({ ASBUILT_CACHE_DIR: join(file, "cache") })).toEqual(reference);
  });
});
