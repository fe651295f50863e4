import { access } from "node:fs/promises";
import { basename, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { computeFacts } from "../analysis/facts.ts";
import { draftSpec } from "../architecture/draft.ts";
import { parseSpec } from "../architecture/load.ts";
import { InputError } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { checkOutputFile, loadSnapshot, writeFileAtomic } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
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
  const yaml = draftSpec(graph, computeFacts(graph), name, schemaRef(opts.output));
  // The draft must load as a spec, or it is asbuilt's bug, not the user's.
  parseSpec(yaml, opts.output ?? "architecture.yaml");
  if (opts.output) {
    await writeFileAtomic(opts.output, yaml);
    process.stderr.write(
      `asbuilt init: drafted ${terminalSafe(opts.output)} from ${snapshot.resources.length} resources. Review it, then:\n  ${terminalSafe(commandLine("check", snapshotFile, "--spec", opts.output))}\n`,
    );
  } else process.stdout.write(yaml);
  return EXIT.ok;
}

const SCHEMA = fileURLToPath(new URL("../../schema/architecture.schema.json", import.meta.url));

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
