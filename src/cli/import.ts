import { type ImportResult, importPaths } from "../collector/import/index.ts";
import { checkOutputFile, saveSnapshot } from "../model/io.ts";
import { terminalSafe } from "../report/escape.ts";
import { plural } from "../report/plural.ts";
import { EXIT, gapLine } from "./common.ts";

export interface ImportCliOptions {
  output: string;
  account?: string;
  quiet?: boolean;
  stderr?: NodeJS.WritableStream;
}

/**
 * `asbuilt import <paths…> -o snapshot.json`: every input is read and checked before anything is written;
 * the snapshot is then written atomically. Skipped files are listed, never fatal.
 */
export async function runImport(paths: string[], opts: ImportCliOptions): Promise<number> {
  const err = opts.stderr ?? process.stderr;
  await checkOutputFile(opts.output, "snapshot.json");
  const result = await importPaths(paths, opts.account !== undefined ? { account: opts.account } : {});
  await saveSnapshot(opts.output, result.snapshot);
  if (!opts.quiet) err.write(importSummary(result, opts.output));
  else if (result.skipped.length > 0) err.write(skippedLines(result).join("\n").concat("\n"));
  return EXIT.ok;
}

const MAX_LISTED = 50;

function skippedLines(r: ImportResult): string[] {
  if (r.skipped.length === 0) return [];
  const lines = [`Skipped (${plural(r.skipped.length, "file")}), not read:`];
  for (const s of r.skipped.slice(0, MAX_LISTED))
    lines.push(`  ${terminalSafe(s.file)}: ${terminalSafe(s.reason)}`);
  if (r.skipped.length > MAX_LISTED) lines.push(`  … and ${r.skipped.length - MAX_LISTED} more`);
  return lines;
}

export function importSummary(r: ImportResult, output: string): string {
  const s = r.snapshot;
  const kinds = new Map<string, number>();
  for (const f of r.read) {
    const k = f.kind.startsWith("AWS CLI output") ? "AWS CLI outputs" : f.kind;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const from = [...kinds].map(([k, n]) => `${n} ${k}`).join(", ");
  const lines = [
    `asbuilt import: ${s.resources.length} resources from ${plural(s.scope.accounts.length, "account")} × ${plural(s.scope.regions.filter((x) => x !== "global").length, "region")} (read ${from}) → ${terminalSafe(output)}`,
  ];
  const gaps = s.coverage.filter((c) => c.status !== "scanned");
  if (gaps.length > 0) {
    lines.push(
      `Coverage gaps (${gaps.length}): the import does not show these, so findings there may be missing:`,
    );
    for (const g of gaps.slice(0, MAX_LISTED)) lines.push(gapLine(g));
    if (gaps.length > MAX_LISTED) lines.push(`  … and ${gaps.length - MAX_LISTED} more`);
  }
  if (r.notes.length > 0) {
    lines.push(`Notes on the data (${r.notes.length}): not converted, deleted, contradicted or dangling:`);
    for (const n of r.notes.slice(0, MAX_LISTED)) lines.push(`  ${terminalSafe(n)}`);
    if (r.notes.length > MAX_LISTED) lines.push(`  … and ${r.notes.length - MAX_LISTED} more`);
  }
  const stale = new Set((s.notes ?? []).map((n) => n.resource)).size;
  if (stale > 0)
    lines.push(
      `${plural(stale, "resource")} with stale or half torn-down data: findings on them say so (the snapshot's notes)`,
    );
  lines.push(...skippedLines(r));
  return `${lines.join("\n")}\n`;
}
