import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURES, fixtureNames } from "../fixtures/index.ts";
import { writeCliDump } from "../test/import/make-dumps.ts";
import { syntheticFile } from "./data.ts";

// Start-up, as CI runs asbuilt: whole commands in fresh processes, wall time and peak RSS, against a bare
// `node -e 0` measured in the same run. The compiled bundle (bin/asbuilt.js runs dist/cli.cjs) and, for the
// comparison with how asbuilt ran before it had one, the TypeScript sources through tsx (ASBUILT_FROM_SOURCE).

const BIN = fileURLToPath(new URL("../bin/asbuilt.js", import.meta.url));
const CLOUDMAPPER_DEMO = fileURLToPath(
  new URL("../src/collector/import/testdata/cloudmapper-demo", import.meta.url),
);
const RUNS = 7;

interface Timed {
  ms: number;
  rssMiB: number;
  code: number;
}

/** One command: wall time around the process, peak RSS from GNU time when the machine has it. */
function run(args: string[], env: Record<string, string> = {}): Timed {
  const gnuTime = existsSync("/usr/bin/time");
  const cmd = gnuTime ? "/usr/bin/time" : process.execPath;
  const argv = gnuTime ? ["-f", "%M", process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const kib = gnuTime ? Number(r.stderr.trim().split("\n").pop()) : Number.NaN;
  return { ms, rssMiB: kib / 1024, code: r.status ?? -1 };
}

/** How many resources the snapshot an import wrote holds. */
function loadedResources(file: string): number {
  return (JSON.parse(readFileSync(file, "utf8")) as { resources: unknown[] }).resources.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function measure(args: string[], env: Record<string, string> = {}, runs = RUNS): Timed {
  return summary(Array.from({ length: runs }, () => run(args, env)));
}

/** Several runs as one: the median time, the highest peak RSS. */
function summary(all: Timed[]): Timed {
  return {
    ms: median(all.map((x) => x.ms)),
    rssMiB: Math.max(...all.map((x) => x.rssMiB)),
    code: all[0]?.code ?? -1,
  };
}

/** A command through the bundle: warm (the compile cache filled by a run before) and on a first run. */
interface Bundled {
  warm: Timed;
  /** Each run with an empty compile cache, as on a new machine or a CI runner's first call. */
  cold: Timed;
}

export interface StartupResult {
  nodeMs: number;
  version: Bundled;
  versionFromSource: Timed;
  checks: { name: string; resources: number; bundle: Bundled; source: Timed }[];
  /** The edroplets fixture's dump, and CloudMapper's demo account (the account the issue compared on). */
  imports: (Bundled & { what: string; resources: number })[];
  check10k: { bundle: Bundled; source: Timed };
}

/** Measures start-up; the bundle must be built (npm run build). */
export async function measureStartup(log: (s: string) => void = () => {}): Promise<StartupResult> {
  const SRC = { ASBUILT_FROM_SOURCE: "1" };
  const caches = mkdtempSync(join(tmpdir(), "asbuilt-bench-cache-"));
  const warmDir = join(caches, "warm");
  let n = 0;
  const bundled = (args: string[], runs = RUNS): Bundled => {
    const env = { ASBUILT_CACHE_DIR: warmDir };
    run(args, env); // leaves markers: a file's code is cached from its second run on
    run(args, env); // fills the cache for the runs measured
    const warm = measure(args, env, runs);
    const cold = summary(
      Array.from({ length: runs }, () => run(args, { ASBUILT_CACHE_DIR: join(caches, `cold-${n++}`) })),
    );
    return { warm, cold };
  };
  const dir = mkdtempSync(join(tmpdir(), "asbuilt-bench-dump-"));
  try {
    log("start-up: node -e 0");
    const nodeMs = measure(["-e", "0"]).ms;
    log("start-up: asbuilt --version");
    const version = bundled([BIN, "--version"]);
    const versionFromSource = measure([BIN, "--version"], SRC, 3);
    const checks: StartupResult["checks"] = [];
    for (const name of fixtureNames) {
      log(`start-up: check ${name}`);
      const f = FIXTURES[name];
      const args = [
        BIN,
        "check",
        join(f.dir, "snapshot.json"),
        "--spec",
        join(f.dir, "architecture.yaml"),
        "--format",
        "json",
      ];
      checks.push({
        name,
        resources: f.build().resources.length,
        bundle: bundled(args),
        source: measure(args, SRC, 3),
      });
    }
    log("start-up: import of CLI dumps");
    const snapshot = FIXTURES.edroplets.build();
    await writeCliDump(snapshot, join(dir, "dump"));
    const imports: StartupResult["imports"] = [];
    for (const [what, from] of [
      ["the edroplets CLI dump", join(dir, "dump")],
      ["CloudMapper's demo account (its collect output)", CLOUDMAPPER_DEMO],
    ] as const) {
      const out = join(dir, "out.json");
      const timed = bundled([BIN, "import", from, "-o", out]);
      imports.push({ ...timed, what, resources: loadedResources(out) });
    }
    log("start-up: check of the 10k synthetic account");
    const big = await syntheticFile(10000);
    const bigArgs = [BIN, "check", big, "--format", "json"];
    const check10k = { bundle: bundled(bigArgs, 3), source: measure(bigArgs, SRC, 3) };
    return { nodeMs, version, versionFromSource, checks, imports, check10k };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(caches, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const x = (n: number, base: number) => `${(n / base).toFixed(1)}×`;
const mib = (n: number) => (Number.isNaN(n) ? "—" : `${n.toFixed(0)} MiB`);

/** The section of docs/benchmarks.md, and the targets' rows. */
export function startupSection(r: StartupResult): { section: string; targets: string[] } {
  const worst = (k: keyof Bundled) => Math.max(...r.checks.map((c) => c.bundle[k].ms));
  const importMet = (t: Timed) => t.ms <= 300 && !(t.rssMiB > 100);
  const targets = [
    `| \`asbuilt --version\` within 3× \`node -e 0\` | ${ms(r.version.warm.ms)} / ${ms(r.nodeMs)} = ${x(r.version.warm.ms, r.nodeMs)} (first run ${x(r.version.cold.ms, r.nodeMs)}) | ${r.version.cold.ms <= 3 * r.nodeMs ? "met" : r.version.warm.ms <= 3 * r.nodeMs ? "met warm" : "missed"} |`,
    `| \`check\` of each seed fixture under 0.2 s | slowest ${ms(worst("warm"))} (first run ${ms(worst("cold"))}) | ${worst("cold") <= 200 ? "met" : worst("warm") <= 200 ? "met warm; missed on a first run" : "missed"} |`,
    ...r.imports.map(
      (i) =>
        `| \`import\` of a ${i.resources}-resource dump under 0.3 s and 100 MiB | ${ms(i.warm.ms)}, ${mib(i.warm.rssMiB)} (first run ${ms(i.cold.ms)}, ${mib(i.cold.rssMiB)}) | ${importMet(i.cold) ? "met" : importMet(i.warm) ? "met warm; missed on a first run" : "missed"} |`,
    ),
    `| \`check\` of 10k resources no slower than from the sources | ${ms(r.check10k.bundle.warm.ms)} (first run ${ms(r.check10k.bundle.cold.ms)}) against ${ms(r.check10k.source.ms)} | ${r.check10k.bundle.cold.ms <= r.check10k.source.ms * 1.05 ? "met" : "missed"} |`,
  ];
  const row = (what: string, b: Bundled, source?: Timed) =>
    `| ${what} | ${ms(b.warm.ms)} | ${x(b.warm.ms, r.nodeMs)} | ${mib(b.warm.rssMiB)} | ${ms(b.cold.ms)} | ${x(b.cold.ms, r.nodeMs)} | ${source ? `${ms(source.ms)} | ${x(source.ms, r.nodeMs)}` : " | "} |`;
  const section = `## Start-up: whole commands, as CI runs them

Each command in a fresh process, the median of ${RUNS} runs (3 from the sources), wall time and peak RSS; \`node -e 0\`
on this machine in the same run: ${ms(r.nodeMs)}. "bundle" is the compiled CLI (\`npm run build\`, what an install
runs): "warm" with the compile cache filled by the runs before (bin/compile-cache.js: V8's code for the chunks
a command ran, in ~/.cache/asbuilt), "first run" with an empty one each time, as on a new machine or a CI
runner's only call (a file's code is cached from its second run on, so a first run writes only markers).
"sources" is the TypeScript through tsx, as asbuilt ran before it had a build (\`ASBUILT_FROM_SOURCE=1\`).

| command | bundle, warm | × node | RSS | first run | × node | sources | × node |
|---|---|---|---|---|---|---|---|
${row("`asbuilt --version`", r.version, r.versionFromSource)}
${r.checks.map((c) => row(`\`check\` ${c.name} (${c.resources} resources, spec, JSON)`, c.bundle, c.source)).join("\n")}
${r.imports.map((i) => row(`\`import\` of ${i.what} (${i.resources} resources)`, i)).join("\n")}
${row("`check` of the 10k synthetic account", r.check10k.bundle, r.check10k.source)}
`;
  return { section, targets };
}

// `node bin/run-ts.js bench/startup.ts`: this section alone, printed.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureStartup((s) => process.stderr.write(`bench: ${s}\n`));
  const { section, targets } = startupSection(r);
  process.stdout.write(`${targets.join("\n")}\n\n${section}`);
}
