import { SEVERITIES_WORST_FIRST, type Severity } from "../architecture/schema.ts";
import { notEvaluatedByType, presentNotEvaluated } from "../model/not-evaluated.ts";
import { failing, summarize } from "../rules/engine.ts";
import type { Finding } from "../rules/finding.ts";
import { htmlEscape } from "./escape.ts";
import { formatExposureMarkdown } from "./exposure.ts";
import { grouped, type ReportInput } from "./types.ts";

const SEVERITIES = SEVERITIES_WORST_FIRST;
const ICON: Record<Severity, string> = { critical: "🟣", high: "🔴", medium: "🟠", low: "🔵" };

/** Text from AWS is data, not markup: escape what Markdown or HTML would interpret. */
export function mdEscape(s: string): string {
  // Inline text only (newlines are folded), so line-start markers (#, -, +, 1.) cannot take effect.
  return s
    .replace(/[\\`*_[\]|<>&~]/g, (c) =>
      c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`,
    )
    .replace(/\r?\n/g, " ");
}

/** Inline code for untrusted text: an HTML <code> element, so backticks in the text cannot end it. */
export function mdCode(s: string): string {
  return `<code>${htmlEscape(s)}</code>`;
}

/** A Markdown report for pull requests: summary table, then findings by severity, collapsed. */
export function formatMarkdown(ungrouped: ReportInput): string {
  const input = grouped(ungrouped);
  const s = summarize(input.findings);
  const over = failing(input.findings, input.failOn);
  const out: string[] = [
    `## asbuilt: ${input.failOn === "none" ? `${input.findings.filter((f) => !f.waived).length} open finding(s), report only` : over.length > 0 ? `❌ ${over.length} finding${over.length === 1 ? "" : "s"} at or above ${input.failOn}` : `✅ no findings at or above ${input.failOn}`}`,
    "",
    `Snapshot ${mdCode(input.snapshotFile)}${input.specFile ? ` checked against ${mdCode(input.specFile)}` : " (baseline rules only)"}: ${input.snapshot.resources.length} resources in ${input.snapshot.scope.accounts.length} account(s).`,
    "",
    "| severity | findings |",
    "|---|---|",
    ...SEVERITIES.map((sev) => `| ${ICON[sev]} ${sev} | ${s[sev]} |`),
    `| waived | ${s.waived} |`,
    ...(input.unverified.length > 0 ? [`| unverified (not recorded) | ${input.unverified.length} |`] : []),
    "",
  ];
  // What a reviewer reads first: what the internet reaches, right after the verdict.
  if (input.exposure) out.push(formatExposureMarkdown(input.exposure, "###"));
  const gaps = input.snapshot.coverage.filter((c) => c.status !== "scanned");
  if (gaps.length > 0)
    out.push(
      `> **Coverage gaps:** ${gaps.map((g) => `${g.service} in ${g.account}/${g.region} (${g.status})`).join("; ")}. Findings there may be missing.`,
      "",
    );
  const unevaluated = notEvaluatedByType(presentNotEvaluated(input.snapshot));
  if (unevaluated.length > 0)
    out.push(
      `> **Present, not evaluated:** ${unevaluated.map((n) => `${mdCode(n.type)} ×${n.count}`).join(", ")}. asbuilt does not model or read these; no rule looked at them.`,
      "",
    );
  for (const sev of SEVERITIES) {
    const group = input.findings.filter((f) => !f.waived && f.severity === sev);
    if (group.length === 0) continue;
    out.push(`### ${ICON[sev]} ${sev} (${group.length})`, "");
    for (const f of group) out.push(...finding(f, input));
  }
  if (input.unverified.length > 0) {
    // Not passed and not failed: the data these checks need was not recorded.
    out.push(
      `### ❔ Unverified (${input.unverified.length})`,
      "",
      "<details>",
      "<summary>Checks the snapshot could not decide: the data they need was not recorded</summary>",
      "",
      "| rule | resource | if it fails | not recorded |",
      "|---|---|---|---|",
      ...input.unverified.map(
        (u) =>
          `| <code>${u.ruleId}</code> | ${mdCode(u.resourceName ?? u.resourceId)} | ${u.severity} | ${u.missing.map(mdEscape).join("<br>")} |`,
      ),
      "</details>",
      "",
    );
  }
  const waived = input.findings.filter((f) => f.waived);
  if (waived.length > 0) {
    out.push(`### Waived (${waived.length})`, "");
    for (const f of waived)
      out.push(
        `- \`${f.ruleId}\` ${mdEscape(f.message)} — waived until ${f.waived?.expires}: ${mdEscape(f.waived?.reason ?? "")}`,
      );
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

function finding(f: Finding, input: ReportInput): string[] {
  const meta = input.rules.get(f.ruleId);
  return [
    "<details>",
    `<summary><code>${f.ruleId}</code> ${mdEscape(f.message)}</summary>`,
    "",
    `Resource: ${mdCode(f.resourceId)}${f.specLine !== undefined && input.specFile ? ` · spec line ${f.specLine}` : ""}`,
    "",
    ...f.evidence.map((e) => `- ${mdEscape(e)}`),
    ...(f.related && f.related.length > 0
      ? [
          "",
          "Also about this problem:",
          ...f.related.map((r) => `- <code>${r.ruleId}</code> (${r.severity}) ${mdEscape(r.message)}`),
        ]
      : []),
    ...(meta ? ["", `**Why.** ${meta.why}`, "", `**Fix.** ${meta.fix}`] : []),
    "</details>",
    "",
  ];
}
