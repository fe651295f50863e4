import { computeFacts } from "../analysis/facts.ts";
import { arnResourceId } from "../model/arn.ts";
import { InputError } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { loadSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { explain, findResource, formatExplanation } from "../report/explain.ts";
import { runChecks } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { loadSpecChecked } from "./check.ts";
import { commandLine, EXIT } from "./common.ts";

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
  // A name shared by one workload and security groups (an instance and the group made for it) means the
  // workload, as the help's "id or name" promises; anything else ambiguous is listed with ids to pick from.
  const workloads = matches.filter((m) => m.type !== "AWS::EC2::SecurityGroup");
  const r = matches.length === 1 ? matches[0] : workloads.length === 1 ? workloads[0] : undefined;
  if (!r) {
    const first = matches[0];
    throw new InputError(
      `"${terminalSafe(query)}" names ${matches.length} resources.`,
      { file: snapshotFile },
      `Pass one of their ids instead${first ? `, e.g.:\n  ${terminalSafe(commandLine("explain", snapshotFile, arnResourceId(first.id)))}` : "."}`,
      matches
        .slice(0, 10)
        .map((m) => `${m.type} ${terminalSafe(arnResourceId(m.id))}  (${terminalSafe(m.id)})`),
    );
  }
  for (const other of matches.filter((m) => m !== r))
    process.stderr.write(
      `asbuilt: "${terminalSafe(query)}" also names ${other.type.replace(/^AWS::\w+::/, "")} ${terminalSafe(arnResourceId(other.id))}; explaining ${r.type.replace(/^AWS::\w+::/, "")} ${terminalSafe(arnResourceId(r.id))}. For the other: ${terminalSafe(commandLine("explain", snapshotFile, arnResourceId(other.id)))}\n`,
    );
  const facts = computeFacts(graph);
  const { findings, unverified } = runChecks(RULES, graph, { spec, facts });
  const x = explain(graph, facts, r, findings, spec, unverified);
  process.stdout.write(opts.json ? `${JSON.stringify(x, null, 2)}\n` : formatExplanation(x));
  return EXIT.ok;
}
