import { readFileSync, realpathSync, statSync } from "node:fs";
import { delimiter, join, relative, resolve, sep } from "node:path";
import type { Coverage } from "../model/snapshot.ts";
import { packageFile } from "../paths.ts";
import { terminalSafe } from "../report/escape.ts";

export const VERSION: string = (
  JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }
).version;

/** Exit codes, as documented in `asbuilt --help` and the README. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

/** One coverage gap as the CLI lists it (scan, import, check --require-full-coverage); AWS's error text made terminal-safe. */
export function gapLine(g: Coverage): string {
  return `  ${g.account} ${g.region} ${g.service}: ${g.status}${g.error ? ` (${terminalSafe(g.error)})` : ""}`;
}

const BIN = packageFile("bin", "asbuilt.js");

/**
 * How to run asbuilt from here, as hints print it: `asbuilt` when that name on PATH is this copy (npm
 * link, a global install), else `node <path to bin/asbuilt.js>` so the hint runs as printed.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const real = (p: string) => {
    try {
      return statSync(p).isFile() ? realpathSync(p) : undefined;
    } catch {
      return undefined;
    }
  };
  const self = real(BIN);
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean))
    if (self !== undefined && real(join(dir, "asbuilt")) === self) return "asbuilt";
  return `node ${shellQuote(pathFrom(cwd, BIN))}`;
}

/**
 * `to` as a path from the folder `from`: relative while the two share a folder below the root, absolute
 * when the only thing they share is the root (../../../usr/lib/… helps nobody).
 */
export function pathFrom(from: string, to: string): string {
  const rel = relative(resolve(from), resolve(to));
  if (rel === "") return ".";
  const ups = rel.split(sep).filter((s) => s === "..").length;
  const depth = resolve(from).split(sep).filter(Boolean).length;
  return ups >= depth && ups > 0 ? resolve(to) : rel;
}

/** One word for a POSIX shell: as is when it is plain, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** An asbuilt command line that runs as printed. */
export function commandLine(...args: string[]): string {
  return [invocation(), ...args.map(shellQuote)].join(" ");
}
