import { access } from "node:fs/promises";
import { basename, dirname, sep } from "node:path";
import { computeFacts } from "../analysis/facts.ts";
import { draftSpec, toDecideComment } from "../architecture/draft.ts";
import { parseSpec } from "../architecture/load.ts";
import { InputError } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { checkOutputFile, loadSnapshot, writeFileAtomic } from "../model/io.ts";
import { packageFile } from "../paths.ts";
import { terminalSafe } from "../report/escape.ts";
import { runChecks } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { commandLine, EXIT, pathFrom } from "./common.ts";

export async function runInit(
  snapshotFile: string,
  opts: { output?: string; name?: string; force?: boolean },
): Promise<number> {
  if (opts.output) await checkOutputFile(opts.output, "architecture.yaml");
  if (opts.output && !opts.force && (await exists(opts.output))) {
    throw new InputError(
      "already exists; asbuilt init does not overwrite a spec.",
      { file: opts.output },
      "Pass --force to replace it, or -o another file.",
    );
  }
  const snapshot = await loadSnapshot(snapshotFile);
  const graph = new Graph(snapshot);
  const name =
    opts.name ?? snapshot.source?.replace(/^fixture:/, "") ?? basename(snapshotFile).replace(/\.json$/, "");
  const yaml = draftWithDecisions(graph, name, schemaRef(opts.output), opts.output ?? "architecture.yaml");
  if (opts.output) {
    await writeFileAtomic(opts.output, yaml);
    process.stderr.write(
      `asbuilt init: drafted ${terminalSafe(opts.output)} from ${snapshot.resources.length} resources. Review it, then:\n  ${terminalSafe(commandLine("check", snapshotFile, "--spec", opts.output))}\n`,
    );
  } else process.stdout.write(yaml);
  return EXIT.ok;
}

/**
 * The draft `init` writes: the spec drafted from the account, then, as a closing comment, every finding a
 * check with that spec still reports (what the team decides). The draft must load as a spec, or it is
 * asbuilt's bug, not the user's.
 */
export function draftWithDecisions(
  graph: Graph,
  name: string,
  schema: string,
  file = "architecture.yaml",
): string {
  const facts = computeFacts(graph);
  const draft = draftSpec(graph, facts, name, schema);
  const spec = parseSpec(draft, file);
  const { findings, unverified } = runChecks(RULES, graph, { spec, facts });
  const yaml = draft + toDecideComment(findings, unverified.length);
  parseSpec(yaml, file);
  return yaml;
}

const SCHEMA = packageFile("schema", "architecture.schema.json");

/** The local JSON Schema as editors resolve it: relative to the draft's folder (or the working directory). */
function schemaRef(output: string | undefined): string {
  return pathFrom(output ? dirname(output) : ".", SCHEMA)
    .split(sep)
    .join("/");
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
