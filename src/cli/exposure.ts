import { computeAttackSurface, type ExposureReport } from "../analysis/exposure.ts";
import { computeFacts } from "../analysis/facts.ts";
import { type PortSet, protocolPorts, union } from "../analysis/ports.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { Graph } from "../model/graph.ts";
import { loadSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import {
  EXPOSURE_FILES,
  EXPOSURE_FORMATS,
  EXPOSURE_FORMATTERS,
  type ExposureFormat,
} from "../report/exposure.ts";
import { documentedPorts } from "../rules/flows.ts";
import { loadSpecChecked } from "./check.ts";
import { EXIT } from "./common.ts";
import { checkOutputFor, parseFormatList, writeFormats } from "./formats.ts";

export interface ExposureOptions {
  spec?: string;
  format: string;
  output?: string;
}

function parseExposureFormats(text: string): ExposureFormat[] {
  return parseFormatList(text, EXPOSURE_FORMATS, "--format text,json,markdown -o out/");
}

/**
 * With a spec: each entry says whether documented flows allow it (TCP flows). Straight from the internet, a
 * flow from the internet to the resource's tier; through a front door (a load balancer, CloudFront, an API),
 * a flow from the internet to the front door's tier and one from that tier to the resource's on these ports.
 * A front door in no tier is judged as the resource itself: a flow from the internet to its tier.
 */
export function markDocumented(x: ExposureReport, graph: Graph, spec: LoadedSpec): ExposureReport {
  const documented = documentedPorts(spec.spec.flows);
  const mark = (e: ExposureReport["reached"][number]) => {
    const r = graph.get(e.resourceId);
    const front = e.viaId ? graph.get(e.viaId) : undefined;
    const frontTiers = front ? spec.tiersOf(front) : [];
    const tiers = r ? spec.tiersOf(r) : [];
    const doc =
      frontTiers.length > 0
        ? documented("internet", frontTiers).length > 0
          ? union(...frontTiers.map((t) => documented(t, tiers)))
          : []
        : documented("internet", tiers);
    return { ...e, documented: e.protocol === "tcp" && isWhole(doc, e) };
  };
  return { reached: x.reached.map(mark), unknown: x.unknown.map(mark) };
}

/** Whether every port of the entry's range is documented. */
function isWhole(doc: PortSet, e: ExposureReport["reached"][number]): boolean {
  const [a, b] = e.ports === "all" ? [0, 65535] : e.ports.split("-").map(Number);
  const lo = a ?? 0;
  const range = protocolPorts("tcp", lo, b ?? lo);
  return doc.some(([x, y]) => range.every(([p, q]) => x <= p && q <= y));
}

export async function runExposure(snapshotFile: string, opts: ExposureOptions): Promise<number> {
  const formats = parseExposureFormats(opts.format);
  await checkOutputFor(formats, opts.output, EXPOSURE_FILES);
  const [snapshot, spec] = await Promise.all([
    loadSnapshot(snapshotFile),
    opts.spec ? loadSpecChecked(opts.spec) : undefined,
  ]);
  const graph = new Graph(snapshot);
  let report = computeAttackSurface(graph, computeFacts(graph));
  if (spec) report = markDocumented(report, graph, spec);
  if (!opts.output) {
    process.stdout.write(EXPOSURE_FORMATTERS[formats[0] ?? "text"](report));
    return EXIT.ok;
  }
  await writeFormats(formats, opts.output, EXPOSURE_FILES, (f) => EXPOSURE_FORMATTERS[f](report));
  process.stderr.write(
    `asbuilt: wrote ${terminalSafe(opts.output)}: ${report.reached.length} reachable, ${report.unknown.length} unknown\n`,
  );
  return EXIT.ok;
}
