import { SEVERITIES_WORST_FIRST } from "../architecture/schema.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { terminalSafe as t } from "../report/escape.ts";
import { mdCode, mdEscape } from "../report/markdown.ts";
import { formatSarif } from "../report/sarif.ts";
import { failing } from "../rules/engine.ts";
import type { Finding } from "../rules/finding.ts";
import type { RuleMeta } from "../rules/types.ts";
import type { DiffReport, ResourceRef } from "./schema.ts";

// `asbuilt diff`'s formats: text for the terminal (the summary, then details grouped by VPC and type),
// JSON (the DiffReport as it is), Markdown for a pull-request comment (collapsible sections), SARIF with
// only the new findings. Every string from AWS (names, tag values, evidence) is escaped for where it goes.

export const DIFF_FORMATS = ["text", "json", "markdown", "sarif"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const DIFF_FILE_NAMES: Record<DiffFormat, string> = {
  text: "diff.txt",
  json: "diff.json",
  markdown: "diff.md",
  sarif: "diff.sarif",
};

export interface DiffFormatInput {
  report: DiffReport;
  rules: ReadonlyMap<string, RuleMeta>;
  /** The new snapshot: SARIF's run describes it. */
  snapshot: Snapshot;
}

/** More lines than this per section are counted, not listed (the JSON lists everything). */
const LIST_LIMIT = 200;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The counts, a few lines: what every format starts with. */
export function summaryLines(r: DiffReport): string[] {
  const s = r.summary;
  const lines = [
    `resources: ${s.added} added, ${s.removed} removed, ${s.changed} changed; edges: ${s.edgesAdded} added, ${s.edgesRemoved} removed`,
    `internet exposure: ${s.exposureOpened} opened, ${s.exposureClosed} closed${s.exposureUnknown ? `, ${s.exposureUnknown} now unknown` : ""}` +
      (r.spec
        ? `; tier flows: ${s.tierFlowsPossible} now possible, ${s.tierFlowsImpossible} no longer possible`
        : "; tier flows: not compared (no --spec)"),
    `findings: ${s.findingsNew} new, ${s.findingsFixed} fixed, ${s.findingsOpen} still open; unverified checks: ${s.unverifiedNew} new, ${s.unverifiedResolved} resolved`,
  ];
  if (s.unrecorded > 0)
    lines.push(
      `${plural(s.unrecorded, "resource")} not compared: the other snapshot did not record ${s.unrecorded === 1 ? "its" : "their"} type there`,
    );
  return lines;
}

export function verdict(r: DiffReport): string {
  if (r.failOn === "none") return "REPORT ONLY: --fail-on none";
  return r.summary.failing > 0
    ? `FAIL: ${plural(r.summary.failing, "new finding")} at or above ${r.failOn}`
    : `PASS: no new finding at or above ${r.failOn}`;
}

interface Grouped<T> {
  vpc: string;
  label: string;
  types: [string, T[]][];
}

/** Items grouped by VPC (VPCs first, by name; then what lives outside any VPC), then by type. */
function byVpc<T extends ResourceRef>(items: readonly T[]): Grouped<T>[] {
  const vpcs = new Map<string, { label: string; types: Map<string, T[]> }>();
  for (const it of items) {
    const key = it.vpc ?? "";
    let g = vpcs.get(key);
    if (!g) {
      const native = it.vpc?.split("/").pop() ?? "";
      g = {
        label: it.vpc ? (it.vpcName ? `VPC ${it.vpcName} (${native})` : `VPC ${native}`) : "outside any VPC",
        types: new Map(),
      };
      vpcs.set(key, g);
    }
    const list = g.types.get(it.type);
    if (list) list.push(it);
    else g.types.set(it.type, [it]);
  }
  return [...vpcs.entries()]
    .sort(([a, x], [b, y]) =>
      a === "" ? 1 : b === "" ? -1 : x.label < y.label ? -1 : x.label > y.label ? 1 : 0,
    )
    .map(([vpc, g]) => ({
      vpc,
      label: g.label,
      types: [...g.types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    }));
}

type Marked = ResourceRef & { mark: "+" | "−" | "~" | "?"; lines: string[] };

function marked(r: DiffReport): Marked[] {
  return [
    ...r.added.map((x): Marked => ({ ...x, mark: "+", lines: [] })),
    ...r.removed.map((x): Marked => ({ ...x, mark: "−", lines: [] })),
    ...r.changed.map((x): Marked => ({ ...x, mark: "~", lines: x.changes.map((c) => c.text) })),
    ...r.unrecorded.map(
      (x): Marked => ({
        ...x,
        mark: "?",
        lines: [
          `only in the ${x.missingFrom === "new" ? "old" : "new"} snapshot; the ${x.missingFrom} one did not record it: ${x.reason}`,
        ],
      }),
    ),
  ];
}

const nameOf = (x: { id: string; name?: string }) => {
  const short = x.id.split(/[/:]/).pop() || x.id;
  return x.name && x.name !== short ? `${x.name} (${short})` : x.name || short;
};
const findingLabel = (f: Finding) => f.resourceName ?? f.resourceId;

export function formatDiffText(input: DiffFormatInput): string {
  const r = input.report;
  const out: string[] = [
    `asbuilt diff ${t(r.old.file)} (${r.old.scannedAt}) → ${t(r.new.file)} (${r.new.scannedAt})${r.spec ? ` against ${t(r.spec)}` : ""}`,
    ...summaryLines(r).map((l) => `  ${l}`),
  ];
  if (r.scope.accountsOnlyInOld.length + r.scope.accountsOnlyInNew.length > 0)
    out.push(
      `  scope differs (--allow-different-scope): accounts only in old: ${r.scope.accountsOnlyInOld.join(", ") || "none"}; only in new: ${r.scope.accountsOnlyInNew.join(", ") || "none"}`,
    );
  out.push(verdict(r));

  const exposure = r.exposure.internet;
  if (exposure.length > 0) {
    out.push("", "Internet exposure");
    list(out, exposure, (e) => {
      const sign = e.change === "opened" ? "+" : e.change === "closed" ? "−" : "?";
      const who = nameOf({ id: e.resourceId, ...(e.resourceName ? { name: e.resourceName } : {}) });
      return [
        `  ${sign} internet → ${t(who)} ${e.ports} from ${t(e.via)}${e.change === "unknown" ? " (now unknown)" : e.change === "closed" ? " (closed)" : ""}`,
        ...(e.openedBy.length > 0 ? [`      opened by: ${e.openedBy.map(t).join("; ")}`] : []),
        ...(e.reasons.length > 0 ? [`      not recorded: ${e.reasons.map(t).join("; ")}`] : []),
      ];
    });
  }
  if (r.exposure.tierFlows.length > 0) {
    out.push("", "Flows between tiers");
    for (const f of r.exposure.tierFlows) {
      out.push(
        `  ${f.change === "possible" ? "+" : f.change === "impossible" ? "−" : "?"} ${t(f.from)} → ${t(f.to)} ${f.ports} ${f.change === "possible" ? "now possible" : f.change === "impossible" ? "no longer possible" : "now unknown"}`,
      );
      if (f.change === "possible" && f.evidence.length > 0)
        out.push(`      path: ${f.evidence.map(t).join("; ")}`);
      if (f.reasons.length > 0) out.push(`      not recorded: ${f.reasons.map(t).join("; ")}`);
    }
  }
  if (r.findings.new.length > 0) {
    out.push("", `New findings (${r.findings.new.length})`);
    const sorted = SEVERITIES_WORST_FIRST.flatMap((s) => r.findings.new.filter((f) => f.severity === s));
    list(out, sorted, (f) => [
      `  ${f.severity.toUpperCase()} ${f.ruleId}  ${t(findingLabel(f))}${f.waived ? " (waived)" : ""}: ${t(f.message)}`,
      ...(f.cause ?? []).map((c) => `      caused by: ${t(c)}`),
    ]);
  }
  if (r.findings.fixed.length > 0) {
    out.push("", `Fixed findings (${r.findings.fixed.length})`);
    const removed = new Set(r.removed.map((x) => x.id));
    list(out, r.findings.fixed, (f) => [
      `  ${f.severity.toUpperCase()} ${f.ruleId}  ${t(findingLabel(f))}${removed.has(f.resourceId) ? " (resource removed)" : ""}`,
    ]);
  }
  if (r.unverified.new.length + r.unverified.resolved.length > 0) {
    out.push("", "Unverified checks");
    list(out, r.unverified.new, (u) => [
      `  + ${u.ruleId}  ${t(u.resourceName ?? u.resourceId)}: not recorded now: ${u.missing.map(t).join("; ")}`,
    ]);
    list(out, r.unverified.resolved, (u) => [
      `  − ${u.ruleId}  ${t(u.resourceName ?? u.resourceId)}: decided now (${u.now})`,
    ]);
  }
  const res = marked(r);
  if (res.length > 0) {
    out.push("", "Resources (+ added, − removed, ~ changed, ? not compared)");
    let shown = 0;
    for (const g of byVpc(res)) {
      out.push(`  ${t(g.label)}`);
      for (const [type, items] of g.types) {
        out.push(`    ${type}`);
        for (const it of items) {
          if (shown++ >= LIST_LIMIT) continue;
          out.push(`      ${it.mark} ${t(nameOf(it))}`);
          for (const l of it.lines) out.push(`          ${t(l)}`);
        }
      }
    }
    if (shown > LIST_LIMIT) out.push(`  … and ${shown - LIST_LIMIT} more (--format json lists them)`);
  }
  const edges = [
    ...r.edges.added.map((e) => ({ ...e, sign: "+" })),
    ...r.edges.removed.map((e) => ({ ...e, sign: "−" })),
  ];
  if (edges.length > 0) {
    out.push("", "Edges");
    list(out, edges, (e) => [`  ${e.sign} ${e.kind}: ${t(shortId(e.from))} → ${t(shortId(e.to))}`]);
  }
  return `${out.join("\n")}\n`;
}

function shortId(id: string): string {
  return id.split(/[/:]/).pop() || id;
}

/** Renders the first LIST_LIMIT items, then a line saying how many more there are. */
function list<T>(out: string[], items: readonly T[], render: (item: T) => string[]): void {
  for (const it of items.slice(0, LIST_LIMIT)) out.push(...render(it));
  if (items.length > LIST_LIMIT)
    out.push(`  … and ${items.length - LIST_LIMIT} more (--format json lists them)`);
}

export function formatDiffJson(input: DiffFormatInput): string {
  return `${JSON.stringify(input.report, null, 2)}\n`;
}

const md = mdEscape;

export function formatDiffMarkdown(input: DiffFormatInput): string {
  const r = input.report;
  const s = r.summary;
  const icon = r.failOn === "none" ? "ℹ️" : s.failing > 0 ? "❌" : "✅";
  const out: string[] = [
    `## asbuilt diff: ${icon} ${md(verdict(r))}`,
    "",
    `${mdCode(r.old.file)} (${md(r.old.scannedAt)}) → ${mdCode(r.new.file)} (${md(r.new.scannedAt)})${r.spec ? ` against ${mdCode(r.spec)}` : ""}`,
    "",
    "| | added / new / opened | removed / fixed / closed | other |",
    "|---|---|---|---|",
    `| resources | ${s.added} | ${s.removed} | ${s.changed} changed${s.unrecorded ? `, ${s.unrecorded} not compared` : ""} |`,
    `| edges | ${s.edgesAdded} | ${s.edgesRemoved} | |`,
    `| internet exposure | ${s.exposureOpened} | ${s.exposureClosed} | ${s.exposureUnknown} now unknown |`,
    r.spec
      ? `| tier flows | ${s.tierFlowsPossible} | ${s.tierFlowsImpossible} | |`
      : "| tier flows | — | — | not compared (no spec) |",
    `| findings | ${s.findingsNew} | ${s.findingsFixed} | ${s.findingsOpen} still open |`,
    `| unverified checks | ${s.unverifiedNew} | ${s.unverifiedResolved} | |`,
    "",
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push("<details>", `<summary>${title}</summary>`, "", ...lines, "", "</details>", "");
  };
  const cap = <T>(xs: readonly T[]) => xs.slice(0, LIST_LIMIT);
  const more = (xs: readonly unknown[]) =>
    xs.length > LIST_LIMIT ? [`- … and ${xs.length - LIST_LIMIT} more (the JSON report lists them)`] : [];
  const fresh = SEVERITIES_WORST_FIRST.flatMap((sev) => r.findings.new.filter((f) => f.severity === sev));
  section(`New findings (${fresh.length})`, [
    ...cap(fresh).flatMap((f) => [
      `- **${f.severity}** <code>${f.ruleId}</code> ${mdCode(findingLabel(f))}: ${md(f.message)}${f.waived ? " _(waived)_" : ""}`,
      ...(f.cause ?? []).map((c) => `  - caused by: ${md(c)}`),
    ]),
    ...more(fresh),
  ]);
  section(`Fixed findings (${r.findings.fixed.length})`, [
    ...cap(r.findings.fixed).map(
      (f) => `- ~~${f.severity}~~ <code>${f.ruleId}</code> ${mdCode(findingLabel(f))}: ${md(f.message)}`,
    ),
    ...more(r.findings.fixed),
  ]);
  section(`Internet exposure (${r.exposure.internet.length})`, [
    ...cap(r.exposure.internet).flatMap((e) => [
      `- ${e.change === "opened" ? "➕ opened" : e.change === "closed" ? "➖ closed" : "❔ now unknown"}: internet → ${mdCode(e.resourceName ?? e.resourceId)} ${md(e.ports)} from ${md(e.via)}`,
      ...(e.openedBy.length > 0 ? [`  - opened by: ${e.openedBy.map(md).join("; ")}`] : []),
      ...(e.reasons.length > 0 ? [`  - not recorded: ${e.reasons.map(md).join("; ")}`] : []),
    ]),
    ...more(r.exposure.internet),
  ]);
  section(
    `Flows between tiers (${r.exposure.tierFlows.length})`,
    r.exposure.tierFlows.map(
      (f) =>
        `- ${f.change === "possible" ? "➕ now possible" : f.change === "impossible" ? "➖ no longer possible" : "❔ now unknown"}: ${md(f.from)} → ${md(f.to)} ${md(f.ports)}`,
    ),
  );
  const res = marked(r);
  const resLines: string[] = [];
  let shown = 0;
  for (const g of byVpc(res)) {
    resLines.push(`**${md(g.label)}**`, "");
    for (const [type, items] of g.types) {
      for (const it of items) {
        if (shown++ >= LIST_LIMIT) continue;
        resLines.push(
          `- ${it.mark === "−" ? "➖" : it.mark === "+" ? "➕" : it.mark === "~" ? "✏️" : "❔"} ${md(type)} ${mdCode(nameOf(it))}`,
        );
        for (const l of it.lines) resLines.push(`  - ${md(l)}`);
      }
    }
    resLines.push("");
  }
  if (shown > LIST_LIMIT) resLines.push(`… and ${shown - LIST_LIMIT} more (the JSON report lists them)`);
  section(`Resources (${res.length})`, resLines);
  const edges = [
    ...r.edges.added.map((e) => `- ➕ ${e.kind}: ${mdCode(shortId(e.from))} → ${mdCode(shortId(e.to))}`),
    ...r.edges.removed.map((e) => `- ➖ ${e.kind}: ${mdCode(shortId(e.from))} → ${mdCode(shortId(e.to))}`),
  ];
  section(`Edges (${edges.length})`, [...cap(edges), ...more(edges)]);
  section(`Unverified checks (${r.unverified.new.length + r.unverified.resolved.length})`, [
    ...r.unverified.new.map(
      (u) =>
        `- ➕ <code>${u.ruleId}</code> ${mdCode(u.resourceName ?? u.resourceId)}: not recorded now: ${u.missing.map(md).join("; ")}`,
    ),
    ...r.unverified.resolved.map(
      (u) =>
        `- ➖ <code>${u.ruleId}</code> ${mdCode(u.resourceName ?? u.resourceId)}: decided now (${u.now})`,
    ),
  ]);
  return `${out.join("\n")}\n`;
}

/** SARIF with only the new findings (and the checks that became unverified), for code scanning. */
export function formatDiffSarif(input: DiffFormatInput): string {
  const r = input.report;
  return formatSarif({
    version: r.asbuilt,
    snapshotFile: r.new.file,
    ...(r.spec ? { specFile: r.spec } : {}),
    snapshot: input.snapshot,
    findings: r.findings.new.map(({ cause: _cause, ...f }) => f),
    unverified: r.unverified.new,
    rules: input.rules,
    failOn: r.failOn,
  });
}

export const DIFF_FORMATTERS: Record<DiffFormat, (input: DiffFormatInput) => string> = {
  text: formatDiffText,
  json: formatDiffJson,
  markdown: formatDiffMarkdown,
  sarif: formatDiffSarif,
};

/** New unwaived findings at or above the threshold: what makes `asbuilt diff` exit 1. */
export function failingNew(r: DiffReport): Finding[] {
  return failing(r.findings.new, r.failOn);
}
