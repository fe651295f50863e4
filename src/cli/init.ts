import { access } from "node:fs/promises";
import { basename } from "node:path";
import { computeFacts } from "../analysis/facts.ts";
import { draftSpec } from "../architecture/draft.ts";
import { parseSpec } from "../architecture/load.ts";
import { InputError } from "../model/errors.ts";
import { Graph } from "../model/graph.ts";
import { checkOutputFile, loadSnapshot, writeFileAtomic } from "../model/io.ts";
import { EXIT } from "./common.ts";

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
  const yaml = draftSpec(graph, computeFacts(graph), name);
  // The draft must load as a spec, or it is asbuilt's bug, not the user's.
  parseSpec(yaml, opts.output ?? "architecture.yaml");
  if (opts.output) {
    await writeFileAtomic(opts.output, yaml);
    process.stderr.write(
      `asbuilt init: drafted ${opts.output} from ${snapshot.resources.length} resources. Review it, then: asbuilt check ${snapshotFile} --spec ${opts.output}\n`,
    );
  } else process.stdout.write(yaml);
  return EXIT.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
