import type { ExposureEntry, ExposureReport } from "../analysis/exposure.ts";
import { terminalSafe } from "./escape.ts";
import { mdEscape } from "./markdown.ts";

// `asbuilt exposure`'s outputs, and the exposure sections of the reports: what the internet reaches
// first, then what it may reach if data nobody recorded allows it. Every string from AWS is escaped for
// where it goes (terminal, Markdown); the JSON is data.

export const EXPOSURE_FORMATS = ["text", "json", "markdown"] as const;
export type ExposureFormat = (typeof EXPOSURE_FORMATS)[number];
export const EXPOSURE_FILES: Record<ExposureFormat, string> = {
  text: "exposure.txt",
  json: "exposure.json",
  markdown: "exposure.md",
};

const short = (type: string) => type.replace(/^AWS::/, "");
const who = (e: ExposureEntry) => `${short(e.resourceType)} ${e.resourceName ?? e.resourceId}`;
const via = (e: ExposureEntry) =>
  e.via === "direct" ? "directly" : `via ${e.via}${e.viaName || e.viaId ? ` ${e.viaName ?? e.viaId}` : ""}`;

/** Entries of one resource, front door and audience, with their traffic joined: "tcp/80, tcp/443". */
function grouped(
  entries: readonly ExposureEntry[],
): { head: ExposureEntry; traffic: string[]; all: ExposureEntry[] }[] {
  const out = new Map<string, { head: ExposureEntry; traffic: string[]; all: ExposureEntry[] }>();
  for (const e of entries) {
    const key = `${e.resourceId}\0${e.via}\0${e.viaId ?? ""}\0${e.audience}`;
    const g = out.get(key);
    if (g) {
      g.traffic.push(e.traffic);
      g.all.push(e);
    } else out.set(key, { head: e, traffic: [e.traffic], all: [e] });
  }
  return [...out.values()];
}

export function formatExposureText(x: ExposureReport): string {
  const t = terminalSafe;
  const lines: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const resources = (es: readonly ExposureEntry[]) => new Set(es.map((e) => e.resourceId)).size;
  lines.push(
    `Reachable from the internet: ${count(resources(x.reached), "resource")}, ${count(x.reached.length, "port range")}.`,
  );
  for (const g of grouped(x.reached)) {
    lines.push(
      "",
      `  ${t(who(g.head))}  ${g.traffic.join(", ")}  ${t(via(g.head))}, from ${g.head.audience}`,
    );
    lines.push(`    ${t(g.head.resourceId)}`);
    for (const e of g.all) {
      if (g.all.length > 1) lines.push(`    ${e.traffic}:`);
      for (const h of e.hops) lines.push(`      - ${t(h.text)}`);
    }
  }
  lines.push(
    "",
    `Unknown: ${count(resources(x.unknown), "resource")} the internet may reach if what was not recorded allows it.`,
  );
  const reasons = new Map<string, string[]>();
  for (const g of grouped(x.unknown)) {
    lines.push(`  ${t(who(g.head))}  ${g.traffic.join(", ")}  ${t(via(g.head))}`);
    for (const r of new Set(g.all.flatMap((e) => e.reasons))) {
      const list = reasons.get(r) ?? [];
      list.push(who(g.head));
      reasons.set(r, list);
    }
  }
  if (reasons.size > 0) {
    lines.push("", "  Not recorded:");
    for (const [r, ws] of reasons) lines.push(`    - ${t(r)} (${ws.length} affected)`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatExposureJson(x: ExposureReport): string {
  return `${JSON.stringify({ exposure: x.reached, unknown: x.unknown }, null, 2)}\n`;
}

/** The exposure as a Markdown section (the `exposure` command's output, and a section of the report). */
export function formatExposureMarkdown(x: ExposureReport, heading = "#"): string {
  const out: string[] = [`${heading} Internet exposure`, ""];
  if (x.reached.length === 0) out.push("Nothing is proven reachable from the internet.", "");
  else {
    out.push("| resource | traffic | via | from | path |", "|---|---|---|---|---|");
    for (const g of grouped(x.reached))
      out.push(
        `| ${mdEscape(who(g.head))} | ${g.traffic.join(", ")} | ${mdEscape(via(g.head))} | ${g.head.audience} | ${g.head.hops.map((h) => mdEscape(h.text)).join(" → ")} |`,
      );
    out.push("");
  }
  if (x.unknown.length > 0) {
    out.push(
      `${heading}# Unknown`,
      "",
      "Reachable only if what was not recorded allows it:",
      "",
      "| resource | traffic | via | not recorded |",
      "|---|---|---|---|",
    );
    for (const g of grouped(x.unknown))
      out.push(
        `| ${mdEscape(who(g.head))} | ${g.traffic.join(", ")} | ${mdEscape(via(g.head))} | ${[...new Set(g.all.flatMap((e) => e.reasons))].map(mdEscape).join("; ")} |`,
      );
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

export const EXPOSURE_FORMATTERS: Record<ExposureFormat, (x: ExposureReport) => string> = {
  text: formatExposureText,
  json: formatExposureJson,
  markdown: (x) => formatExposureMarkdown(x),
};
