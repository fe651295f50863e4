import fc from "fast-check";
import { expect } from "vitest";
import { main } from "../../src/cli/main.ts";

// The fuzz tests run the CLI's own entry point (main(argv), what bin/asbuilt.js calls) in this process,
// with its output captured: thousands of runs cost seconds, and what they prove is what a user sees,
// the exit code and the message, never an internal error or a stack trace.

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    };
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    const code = await main(["node", "asbuilt", ...args]);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = undefined;
  }
}

/** Exit 0, 1 or 2; an exit 2 says why in an `asbuilt:` message; never an internal error or a stack trace. */
export function expectHandled(r: CliRun, what: string): void {
  const context = `${what}\n--- stderr ---\n${r.stderr.slice(0, 2000)}`;
  expect([0, 1, 2], context).toContain(r.code);
  expect(r.stderr, context).not.toMatch(/internal error|This is a bug/);
  expect(r.stderr, context).not.toMatch(/\n\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m);
  if (r.code === 2) expect(r.stderr, context).toMatch(/^asbuilt: \S/);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON value, parents before children. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

export interface Mutation {
  at: number;
  kind: "replace" | "delete" | "empty" | "duplicate";
  value: Json;
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom("replace", "delete", "empty", "duplicate"),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  { minLength: 1, maxLength: 4 },
);

/** A valid document made slightly wrong: values replaced by any JSON, keys dropped, containers emptied. */
export function mutate(doc: Json, ms: readonly Mutation[]): Json {
  let root = structuredClone(doc);
  for (const m of ms) {
    const all = paths(root);
    const path = all[m.at % all.length] ?? [];
    if (path.length === 0) {
      root = m.kind === "replace" ? m.value : m.kind === "empty" ? {} : root;
      continue;
    }
    let parent: Json = root;
    for (const seg of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[seg] as Json;
    const key = path[path.length - 1] as string | number;
    const container = parent as Record<string | number, Json>;
    const current = container[key] as Json;
    switch (m.kind) {
      case "replace":
        container[key] = m.value;
        break;
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete container[key];
        break;
      case "empty":
        container[key] = Array.isArray(current)
          ? []
          : current !== null && typeof current === "object"
            ? {}
            : "";
        break;
      case "duplicate":
        if (Array.isArray(parent)) parent.push(structuredClone(current));
        else container[key] = [structuredClone(current), structuredClone(current)];
        break;
      default: {
        const never: never = m.kind;
        throw new Error(`unknown mutation ${String(never)}`);
      }
    }
  }
  return root;
}

export type Damage = { kind: "cut"; at: number } | { kind: "insert"; at: number; text: string };

/** Text damage: cut at an offset (a truncated file), or a few characters inserted. */
export const textDamage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 4, unit: "binary" }),
  }),
);

export function damage(text: string, d: Damage): string {
  const at = text.length === 0 ? 0 : d.at % text.length;
  return d.kind === "cut" ? text.slice(0, at) : `${text.slice(0, at)}${d.text}${text.slice(at)}`;
}

/** Any bytes at all, biased toward the starts of JSON, YAML and gzip. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ maxLength: 256, unit: "binary" }).map((s) => new TextEncoder().encode(s)),
  fc.json({ maxDepth: 3 }).map((s) => new TextEncoder().encode(s)),
  fc
    .tuple(
      fc.constantFrom("{", "[", '{"', "\x1f\x8b\x08", "---\n", "name: ", "\ufeff{"),
      fc.uint8Array({ maxLength: 128 }),
    )
    .map(([head, tail]) => new Uint8Array([...new TextEncoder().encode(head), ...tail])),
);

/** Cases per property, scaled by ASBUILT_FUZZ_SCALE (e.g. 10 for a long local run). */
export function runs(n: number): number {
  const scale = Number(process.env.ASBUILT_FUZZ_SCALE ?? "1");
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Runs a property, then says in the log how many cases it ran and how long they took. */
export async function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  n: number,
  body: (v: T) => Promise<void>,
): Promise<void> {
  const numRuns = runs(n);
  const started = performance.now();
  await fc.assert(fc.asyncProperty(arb, body), {
    numRuns,
    ...(process.env.ASBUILT_FUZZ_SEED ? { seed: Number(process.env.ASBUILT_FUZZ_SEED) } : {}),
  });
  process.stdout.write(
    `fuzz ${name}: ${numRuns} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
