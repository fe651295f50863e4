import { SEVERITIES_WORST_FIRST, type Severity } from "../architecture/schema.ts";
import { failing, summarize } from "../rules/engine.ts";
import type { Finding, UnverifiedCheck } from "../rules/finding.ts";
import { terminalSafe as t } from "./escape.ts";
import type { ReportInput } from "./types.ts";

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
export function formatText(input: ReportInput): string {
  const c = (code: string, s: string) => (input.color ? `${code}${s}${RESET}` : s);
  const { snapshot, findings } = input;
  const s = summarize(findings);
  const lines: string[] = [];
  lines.push(
    `${c(BOLD, "asbuilt check")} ${t(input.snapshotFile)}${input.specFile ? ` against ${t(input.specFile)}` : " (baseline rules only; pass --spec to check conformance)"}`,
  );
  lines.push(
    `${snapshot.resources.length} resources in ${plural(snapshot.scope.accounts.length, "account")}, ${plural(snapshot.scope.regions.length, "region")}; ` +
      `${plural(findings.length - s.waived, "finding")}: ${SEVERITIES.map((sev) => `${s[sev]} ${sev}`).join(", ")}${s.waived ? `; ${s.waived} waived` : ""}` +
      (input.unverified.length > 0 ? `; ${plural(input.unverified.length, "check")} unverified` : ""),
  );
  const gaps = snapshot.coverage.filter((g) => g.status !== "scanned");
  if (gaps.length > 0) {
    lines.push(
      c(
        COLORS.medium,
        `Coverage gaps: ${gaps.map((g) => `${g.service} in ${g.account}/${g.region} (${g.status}${g.error ? `: ${t(g.error)}` : ""})`).join("; ")}`,
      ),
    );
  }
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
  const over = failing(findings, input.failOn);
  lines.push(
    "",
    over.length > 0
      ? c(
          COLORS.high,
          `FAIL: ${plural(over.length, "finding")} at or above ${input.failOn} (--fail-on ${input.failOn}).`,
        )
      : c("\x1b[32m", `PASS: no findings at or above ${input.failOn} (--fail-on ${input.failOn}).`),
  );
  return `${lines.join("\n")}\n`;
}

function finding(f: Finding, input: ReportInput, c: (code: string, s: string) => string): string[] {
  const out = [`  ${c(BOLD, f.ruleId)}  ${t(f.message)}`, c(DIM, `      ${t(f.resourceId)}`)];
  for (const e of f.evidence) out.push(`      - ${t(e)}`);
  if (f.specLine !== undefined && input.specFile)
    out.push(c(DIM, `      spec: ${t(input.specFile)}:${f.specLine}`));
  const fix = input.rules.get(f.ruleId)?.fix;
  if (fix) out.push(`      fix: ${fix}`);
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

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
