import { loadSpecChecked, ruleIndex } from "../analyze.ts";
import {
  DIFF_FILE_NAMES,
  DIFF_FORMATS,
  DIFF_FORMATTERS,
  type DiffFormat,
  summaryLines,
  verdict,
} from "../diff/format.ts";
import { diffSnapshots } from "../diff/index.ts";
import { loadSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { parseFailOn } from "./check.ts";
import { EXIT, VERSION } from "./common.ts";
import { checkOutputFor, parseFormatList, writeFormats } from "./formats.ts";

export interface DiffCliOptions {
  oldFile: string;
  newFile: string;
  specFile?: string;
  format: string;
  failOn: string;
  output?: string;
  allowDifferentScope?: boolean;
  now?: Date;
}

export function parseDiffFormats(text: string): DiffFormat[] {
  return parseFormatList(text, DIFF_FORMATS, "--format markdown,sarif -o reports/");
}

/** `asbuilt diff OLD NEW`: exit 1 when the change adds unwaived findings at or above --fail-on. */
export async function runDiff(opts: DiffCliOptions): Promise<number> {
  const formats = parseDiffFormats(opts.format);
  const failOn = parseFailOn(opts.failOn);
  // Inputs and the output place are checked before any work: a bad input never leaves half a report.
  await checkOutputFor(formats, opts.output, DIFF_FILE_NAMES);
  const [old, now, spec] = await Promise.all([
    loadSnapshot(opts.oldFile),
    loadSnapshot(opts.newFile),
    opts.specFile ? loadSpecChecked(opts.specFile, opts.now ? { now: opts.now } : {}) : undefined,
  ]);
  const report = diffSnapshots(old, now, {
    oldFile: opts.oldFile,
    newFile: opts.newFile,
    ...(spec ? { spec } : {}),
    ...(opts.specFile ? { specFile: opts.specFile } : {}),
    failOn,
    allowDifferentScope: opts.allowDifferentScope === true,
    ...(opts.now ? { now: opts.now } : {}),
    version: VERSION,
  });
  const input = { report, rules: ruleIndex(), snapshot: now };
  if (!opts.output) process.stdout.write(DIFF_FORMATTERS[formats[0] ?? "text"](input));
  else {
    const written = await writeFormats(formats, opts.output, DIFF_FILE_NAMES, (f) =>
      DIFF_FORMATTERS[f](input),
    );
    // The report went to files: a CI log still shows what changed and the verdict.
    process.stderr.write(
      `asbuilt: wrote ${written.map((w) => terminalSafe(w)).join(", ")}\n${summaryLines(report)
        .map((l) => `  ${l}\n`)
        .join("")}${verdict(report)}\n`,
    );
  }
  return report.summary.failing > 0 ? EXIT.findings : EXIT.ok;
}
