import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURES, fixtureNames } from "../fixtures/index.ts";
import { writeCliDump } from "../test/import/make-dumps.ts";
import { syntheticFile } from "./data.ts";

// Start-up, as CI runs asbuilt: whole commands in fresh processes, wall time and peak RSS, against a bare
// `node -e 0` measured in the same run. The compiled bundle (bin/asbuilt.js runs dist/cli.js) and, for the
// comparison with how asbuilt ran before it had one, the TypeScript sources through tsx (ASBUILT_FROM_SOURCE).

const BIN = fileURLToPath(new URL("../bin/asbuilt.js", import.meta.url));
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function measure(args: string[], env: Record<string, string> = {}, runs = RUNS): Timed {
  const all = Array.from({ length: runs }, () => run(args, env));
  return {
    ms: median(all.map((x) => x.ms)),
    rssMiB: Math.max(...all.map((x) => x.rssMiB)),
    code: all[0]?.code ?? -1,
  };
}

export interface StartupResult {
  nodeMs: number;
  version: Timed;
  versionFromSource: Timed;
  checks: { name: string; resources: number; bundle: Timed; source: Timed }[];
  importDump: Timed & { resources: number };
  check10k: { bundle: Timed; source: Timed };
}

/** Measures start-up; the bundle must be built (npm run build). */
export async function measureStartup(log: (s: string) => void = () => {}): Promise<StartupResult> {
  const SRC = { ASBUILT_FROM_SOURCE: "1" };
  log("start-up: node -e 0");
  const nodeMs = measure(["-e", "0"]).ms;
  log("start-up: asbuilt --version");
  const version = measure([BIN, "--version"]);
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
      bundle: measure(args),
      source: measure(args, SRC, 3),
    });
  }
  log("start-up: import of a CLI dump");
  const dir = mkdtempSync(join(tmpdir(), "asbuilt-bench-dump-"));
  try {
    const snapshot = FIXTURES.edroplets.build();
    await writeCliDump(snapshot, join(dir, "dump"));
    const importDump = {
      ...measure([BIN, "import", join(dir, "dump"), "-o", join(dir, "out.json")]),
      resources: snapshot.resources.length,
    };
    log("start-up: check of the 10k synthetic account");
    const big = await syntheticFile(10000);
    const bigArgs = [BIN, "check", big, "--format", "json"];
    const check10k = { bundle: measure(bigArgs, {}, 3), source: measure(bigArgs, SRC, 3) };
    return { nodeMs, version, versionFromSource, checks, importDump, check10k };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const x = (n: number, base: number) => `${(n / base).toFixed(1)}×`;
const mib = (n: number) => (Number.isNaN(n) ? "—" : `${n.toFixed(0)} MiB`);

/** The section of docs/benchmarks.md, and the targets' rows. */
export function startupSection(r: StartupResult): { section: string; targets: string[] } {
  const worstCheck = Math.max(...r.checks.map((c) => c.bundle.ms));
  const targets = [
    `| \`asbuilt --version\` within 3× \`node -e 0\` | ${ms(r.version.ms)} / ${ms(r.nodeMs)} = ${x(r.version.ms, r.nodeMs)} | ${r.version.ms <= 3 * r.nodeMs ? "met" : "missed"} |`,
    `| \`check\` of each seed fixture under 0.2 s | slowest ${ms(worstCheck)} | ${worstCheck <= 200 ? "met" : "missed"} |`,
    `| \`import\` of a ${r.importDump.resources}-resource dump under 0.3 s and 100 MiB | ${ms(r.importDump.ms)}, ${mib(r.importDump.rssMiB)} | ${r.importDump.ms <= 300 && !(r.importDump.rssMiB > 100) ? "met" : "missed"} |`,
    `| \`check\` of 10k resources no slower than from the sources | ${ms(r.check10k.bundle.ms)} against ${ms(r.check10k.source.ms)} | ${r.check10k.bundle.ms <= r.check10k.source.ms * 1.05 ? "met" : "missed"} |`,
  ];
  const section = `## Start-up: whole commands, as CI runs them

Each command in a fresh process, the median of ${RUNS} runs (3 from the sources), wall time and peak RSS; \`node -e 0\`
on this machine in the same run: ${ms(r.nodeMs)}. "bundle" is the compiled CLI (\`npm run build\`, what an install
runs); "sources" is the TypeScript through tsx, as asbuilt ran before it had a build (\`ASBUILT_FROM_SOURCE=1\`).

| command | bundle | × node | RSS | sources | × node |
|---|---|---|---|---|---|
| \`asbuilt --version\` | ${ms(r.version.ms)} | ${x(r.version.ms, r.nodeMs)} | ${mib(r.version.rssMiB)} | ${ms(r.versionFromSource.ms)} | ${x(r.versionFromSource.ms, r.nodeMs)} |
${r.checks
  .map(
    (c) =>
      `| \`check\` ${c.name} (${c.resources} resources, spec, JSON) | ${ms(c.bundle.ms)} | ${x(c.bundle.ms, r.nodeMs)} | ${mib(c.bundle.rssMiB)} | ${ms(c.source.ms)} | ${x(c.source.ms, r.nodeMs)} |`,
  )
  .join("\n")}
| \`import\` of the edroplets CLI dump (${r.importDump.resources} resources) | ${ms(r.importDump.ms)} | ${x(r.importDump.ms, r.nodeMs)} | ${mib(r.importDump.rssMiB)} | | |
| \`check\` of the 10k synthetic account | ${ms(r.check10k.bundle.ms)} | ${x(r.check10k.bundle.ms, r.nodeMs)} | ${mib(r.check10k.bundle.rssMiB)} | ${ms(r.check10k.source.ms)} | ${x(r.check10k.source.ms, r.nodeMs)} |
`;
  return { section, targets };
}

// `node bin/run-ts.js bench/startup.ts`: this section alone, printed.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureStartup((s) => process.stderr.write(`bench: ${s}\n`));
  const { section, targets } = startupSection(r);
  process.stdout.write(`${targets.join("\n")}\n\n${section}`);
}
