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
  now?: Date;
}

/** Writes the HTML review report. Inputs are validated before anything is written. */
export async function runReport(opts: ReportOptions): Promise<number> {
  await checkOutputFile(opts.output, "review.html");
  const a = await analyzeFiles(opts.snapshotFile, opts.specFile, opts.now);
  const report = findingsReportFor(
    a.snapshot,
    a.findings,
    a.view(),
    opts.snapshotFile,
    opts.specFile,
    a.unverified,
    a.exposure(),
  );
  const html = await renderHtmlReport({
    data: { snapshot: a.snapshot, report },
    version: VERSION,
    generatedAt: opts.now ?? new Date(),
  });
  await writeFileAtomic(opts.output, html);
  const open = a.findings.filter((f) => !f.waived).length;
  process.stderr.write(
    `asbuilt: wrote ${terminalSafe(opts.output)} (${a.snapshot.resources.length} resources, ${open} open findings)\n`,
  );
  return EXIT.ok;
}
