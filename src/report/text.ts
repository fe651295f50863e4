import { SEVERITIES_WORST_FIRST, SEVERITY_ORDER, type Severity } from "../architecture/schema.ts";
import { notEvaluatedByType, presentNotEvaluated } from "../model/not-evaluated.ts";
import { failing, summarize } from "../rules/engine.ts";
import type { Finding, UnverifiedCheck } from "../rules/finding.ts";
import { terminalSafe as t } from "./escape.ts";
import { plural } from "./plural.ts";
import { grouped, type ReportInput } from "./types.ts";

const SEVERITIES = SEVERITIES_WORST_FIRST;
const COLORS: Record<Severity, string> = {
  critical: "\x1b[1;35m",
  high: "\x1b[1;31m",
  medium: "\x1b[33m",
  low: "\x1b[36m",
};
const DIM = "\x1b[2m";
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/** The terminal report: a one-line summary, then findings by severity with evidence and the fix. */
export function formatText(ungrouped: ReportInput): string {
  const input = grouped(ungrouped);
  const c = (code: string, s: string) => (input.color ? `${code}${s}${RESET}` : s);
  const { findings } = input;
  const lines: string[] = [...header(input, c)];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => !f.waived && f.severity === sev);
    if (group.length === 0) continue;
    lines.push("", c(COLORS[sev], `${sev.toUpperCase()} (${group.length})`));
    for (const f of group) lines.push(...finding(f, input, c));
  }
  const waived = findings.filter((f) => f.waived);
  if (waived.length > 0) {
    lines.push("", c(DIM, `WAIVED (${waived.length})`));
    for (const f of waived) {
      lines.push(`  ${f.ruleId}  ${t(label(f))}`);
      lines.push(
        c(
          DIM,
          `      waived until ${f.waived?.expires}: ${t(f.waived?.reason ?? "")}${f.waived?.specLine ? ` (${t(input.specFile ?? "spec")}:${f.waived.specLine})` : ""}`,
        ),
      );
    }
  }
  lines.push(...unverifiedLines(input, c));
  lines.push("", verdictLine(input, c));
  return `${lines.join("\n")}\n`;
}

type Paint = (code: string, s: string) => string;
const plain: Paint = (_code, s) => s;

/** What was checked, the counts by severity, and the coverage gaps: the top of every text report. */
function header(input: ReportInput, c: Paint): string[] {
  const { snapshot, findings } = input;
  const s = summarize(findings);
  const lines = [
    `${c(BOLD, "asbuilt check")} ${t(input.snapshotFile)}${input.specFile ? ` against ${t(input.specFile)}` : " (baseline rules only; pass --spec to check conformance)"}`,
    `${snapshot.resources.length} resources in ${plural(snapshot.scope.accounts.length, "account")}, ${plural(snapshot.scope.regions.length, "region")}; ` +
      `${plural(findings.length - s.waived, "finding")}: ${SEVERITIES.map((sev) => `${s[sev]} ${sev}`).join(", ")}${s.waived ? `; ${s.waived} waived` : ""}` +
      (input.unverified.length > 0 ? `; ${plural(input.unverified.length, "check")} unverified` : ""),
  ];
  const gaps = snapshot.coverage.filter((g) => g.status !== "scanned");
  if (gaps.length > 0) {
    lines.push(
      c(
        COLORS.medium,
        `Coverage gaps: ${gaps.map((g) => `${g.service} in ${g.account}/${g.region} (${g.status}${g.error ? `: ${t(g.error)}` : ""})`).join("; ")}`,
      ),
    );
  }
  const unevaluated = notEvaluatedByType(presentNotEvaluated(snapshot));
  if (unevaluated.length > 0)
    lines.push(
      `Present, not evaluated: ${unevaluated.map((n) => `${t(n.type)} ×${n.count}`).join(", ")} (asbuilt does not model or read these; no rule looked at them)`,
    );
  return lines;
}

/** The gate's answer in one line: PASS, FAIL (how many at or above --fail-on), or report only. */
export function verdictLine(input: ReportInput, c: Paint = plain): string {
  if (input.failOn === "none") {
    const open = input.findings.filter((f) => !f.waived).length;
    return `REPORT ONLY: ${plural(open, "finding")} (--fail-on none: findings never fail the run).`;
  }
  const over = failing(input.findings, input.failOn);
  return over.length > 0
    ? c(
        COLORS.high,
        `FAIL: ${plural(over.length, "finding")} at or above ${input.failOn} (--fail-on ${input.failOn}).`,
      )
    : c("\x1b[32m", `PASS: no findings at or above ${input.failOn} (--fail-on ${input.failOn}).`);
}

/** The short account of a run whose report went to a file: what was checked, the counts, the verdict. */
export function formatBrief(ungrouped: ReportInput): string {
  const input = grouped(ungrouped);
  return `${[...header(input, plain), verdictLine(input)].join("\n")}\n`;
}

const TOP = 10;

/**
 * A summary for long outputs: the header, open and waived findings per rule (worst first), the
 * worst findings, and the verdict.
 */
export function formatSummary(ungrouped: ReportInput, top = TOP): string {
  const input = grouped(ungrouped);
  const c: Paint = input.color ? (code, s) => `${code}${s}${RESET}` : plain;
  const lines = header(input, c);
  const byRule = new Map<string, { severity: Severity; open: number; waived: number }>();
  // Per rule, every rule's own findings count (grouped or not).
  for (const f of ungrouped.findings) {
    const row = byRule.get(f.ruleId) ?? { severity: f.severity, open: 0, waived: 0 };
    if (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[row.severity]) row.severity = f.severity;
    if (f.waived) row.waived++;
    else row.open++;
    byRule.set(f.ruleId, row);
  }
  const rows = [...byRule].sort(
    ([a, x], [b, y]) =>
      SEVERITY_ORDER[y.severity] - SEVERITY_ORDER[x.severity] ||
      y.open - x.open ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  if (rows.length > 0) {
    const width = Math.max(...rows.map(([id]) => id.length));
    lines.push("", `Findings by rule (${plural(rows.length, "rule")}):`);
    for (const [id, r] of rows)
      lines.push(
        `  ${id.padEnd(width)}  ${r.severity.padEnd(8)}  ${String(r.open).padStart(5)} open${r.waived ? `, ${r.waived} waived` : ""}`,
      );
  }
  const open = input.findings.filter((f) => !f.waived);
  if (open.length > 0) {
    lines.push("", `Top findings (${Math.min(top, open.length)} of ${open.length}, worst first):`);
    const shown = open.slice(0, top);
    const width = Math.max(...shown.map((f) => f.ruleId.length));
    for (const f of shown)
      lines.push(
        `  ${c(COLORS[f.severity], f.severity.toUpperCase().padEnd(8))}  ${f.ruleId.padEnd(width)}  ${t(f.message)}`,
      );
  }
  lines.push("", verdictLine(input, c));
  return `${lines.join("\n")}\n`;
}

function finding(f: Finding, input: ReportInput, c: Paint): string[] {
  const out = [`  ${c(BOLD, f.ruleId)}  ${t(f.message)}`, c(DIM, `      ${t(f.resourceId)}`)];
  for (const e of f.evidence) out.push(`      - ${t(e)}`);
  if (f.specLine !== undefined && input.specFile)
    out.push(c(DIM, `      spec: ${t(input.specFile)}:${f.specLine}`));
  const fix = input.rules.get(f.ruleId)?.fix;
  if (fix) out.push(`      fix: ${fix}`);
  for (const r of f.related ?? []) {
    out.push(`      ${c(DIM, "also")} ${c(BOLD, r.ruleId)} (${r.severity}): ${t(r.message)}`);
    for (const e of r.evidence) out.push(`        - ${t(e)}`);
  }
  return out;
}

/**
 * Checks no data decided, by rule: not failures, not passes. Each names what was not recorded, so that the
 * reader knows what to collect (permissions, a fuller dump, another source).
 */
function unverifiedLines(input: ReportInput, c: (code: string, s: string) => string): string[] {
  if (input.unverified.length === 0) return [];
  const out = [
    "",
    c(COLORS.medium, `UNVERIFIED (${input.unverified.length}): not checked, the data was not recorded`),
  ];
  const byRule = new Map<string, UnverifiedCheck[]>();
  for (const u of input.unverified) byRule.set(u.ruleId, [...(byRule.get(u.ruleId) ?? []), u]);
  for (const [rule, list] of byRule) {
    out.push(`  ${c(BOLD, rule)}  ${plural(list.length, "check")} (${list[0]?.severity} if it fails)`);
    for (const u of list.slice(0, MAX_UNVERIFIED))
      out.push(`      ${t(label(u))}: ${u.missing.map(t).join("; ")}`);
    if (list.length > MAX_UNVERIFIED)
      out.push(c(DIM, `      … and ${list.length - MAX_UNVERIFIED} more (--format json lists all)`));
  }
  return out;
}

/** Unverified checks listed per rule in the terminal; the JSON report has every one. */
const MAX_UNVERIFIED = 5;

function label(f: Pick<Finding, "resourceName" | "resourceType" | "resourceId">): string {
  return f.resourceName ? `${f.resourceName} (${f.resourceType})` : f.resourceId;
}
