import { computeFacts } from "../analysis/facts.ts";
import { InputError } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { loadSnapshot } from "../model/io.ts";
import { explain, findResource, formatExplanation } from "../report/explain.ts";
import { runRules } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { loadSpecChecked } from "./check.ts";
import { EXIT } from "./common.ts";

export async function runExplain(
  snapshotFile: string,
  query: string,
  opts: { spec?: string; json?: boolean },
): Promise<number> {
  const [snapshot, spec] = await Promise.all([
    loadSnapshot(snapshotFile),
    opts.spec ? loadSpecChecked(opts.spec) : undefined,
  ]);
  const graph = new Graph(snapshot);
  const matches = findResource(graph, query);
  if (matches.length === 0) {
    throw new InputError(
      `no resource "${query}" in the snapshot.`,
      { file: snapshotFile },
      "Name a resource by ARN, id (i-…, sg-…, subnet-…) or Name; `asbuilt check --format json` lists resource ids.",
    );
  }
  if (matches.length > 1) {
    throw new InputError(
      `"${query}" names ${matches.length} resources.`,
      { file: snapshotFile },
      "Pass one of their ARNs instead.",
      matches.slice(0, 10).map((m) => `${m.type} ${m.id}`),
    );
  }
  const [r] = matches;
  if (!r) return EXIT.input;
  const facts = computeFacts(graph);
  const findings = runRules(RULES, graph, { spec, facts });
  const x = explain(graph, facts, r, findings, spec);
  process.stdout.write(opts.json ? `${JSON.stringify(x, null, 2)}\n` : formatExplanation(x));
  return EXIT.ok;
}
