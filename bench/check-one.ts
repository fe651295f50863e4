import { readFileSync } from "node:fs";
import { computeFacts } from "../src/analysis/facts.ts";
import { loadSpec } from "../src/architecture/load.ts";
import { Graph } from "../src/model/graph.ts";
import { loadSnapshot } from "../src/model/io.ts";
import { runRules } from "../src/rules/engine.ts";
import { RULES } from "../src/rules/index.ts";

// One measurement in a fresh process (so peak RSS is this measurement's own):
//   floor <file>          read + JSON.parse of the snapshot file
//   check <file> <spec>   what `asbuilt check` does: load and validate, graph, analysis, every rule
const [mode, file, spec] = process.argv.slice(2);
if (!file) throw new Error("usage: check-one floor|check FILE [SPEC]");
const t0 = performance.now();
let findings = 0;
if (mode === "floor") {
  const data = JSON.parse(readFileSync(file, "utf8")) as { resources: unknown[] };
  findings = data.resources.length;
} else {
  const snapshot = await loadSnapshot(file);
  const graph = new Graph(snapshot);
  const facts = computeFacts(graph);
  const s = spec ? await loadSpec(spec) : undefined;
  findings = runRules(RULES, graph, { spec: s, facts }).length;
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
// CPU time beside the wall time: on a shared machine it is the steadier of the two.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, rssMiB: usage.maxRSS / 1024, findings })}\n`);
