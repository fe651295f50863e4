import { checkOutputFile, writeFileAtomic } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { renderHtmlReport } from "../report/html.tsx";
import { analyzeFiles } from "./check.ts";
import { EXIT, VERSION } from "./common.ts";
import { findingsReportFor } from "./serve.ts";

export interface ReportOptions {
  snapshotFile: string;
  specFile?: string;
  output: string;
  /** An earlier snapshot: the diagram marks what changed since it. */
  compare?: string;
  now?: Date;
}

/** Writes the HTML review report. Inputs are validated before anything is written. */
export async function runReport(opts: ReportOptions): Promise<number> {
  await checkOutputFile(opts.output, "review.html");
  const { snapshot, drawn, findings, unverified, view, exposure } = opts.compare
    ? await (async () => {
        const { compareFiles } = await import("../diff/compare.ts");
        const c = await compareFiles(opts.snapshotFile, opts.compare ?? "", opts.specFile, {
          version: VERSION,
          ...(opts.now ? { now: opts.now } : {}),
        });
        return { ...c, snapshot: c.current, drawn: c.snapshot };
      })()
    : await (async () => {
        const a = await analyzeFiles(opts.snapshotFile, opts.specFile, opts.now);
        return { ...a, drawn: a.snapshot, view: a.view(), exposure: a.exposure() };
      })();
  const report = findingsReportFor(
    snapshot,
    findings,
    view,
    opts.snapshotFile,
    opts.specFile,
    unverified,
    exposure,
  );
  const html = await renderHtmlReport({
    data: { snapshot: drawn, report },
    version: VERSION,
    generatedAt: opts.now ?? new Date(),
  });
  await writeFileAtomic(opts.output, html);
  const open = findings.filter((f) => !f.waived).length;
  const changes = view.diff
    ? `; since ${terminalSafe(opts.compare ?? "")}: ${view.diff.added.length} added, ${view.diff.removed.length} removed, ${Object.keys(view.diff.changed).length} changed`
    : "";
  process.stderr.write(
    `asbuilt: wrote ${terminalSafe(opts.output)} (${snapshot.resources.length} resources, ${open} open findings${changes})\n`,
  );
  return EXIT.ok;
}
