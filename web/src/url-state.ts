import { SEVERITIES_WORST_FIRST } from "../../src/architecture/schema.ts";
import type { Severity } from "./diagram/types.ts";

/** Everything a deep link holds: the selection, the filters, what is collapsed or expanded. */
export interface UrlState {
  selected?: string;
  severities: Severity[];
  rule?: string;
  environment?: string;
  vpc?: string;
  query: string;
  collapsed: string[];
  expanded: string[];
  waived: boolean;
  /** Which reachability flows are drawn. */
  flows: "all" | "undocumented" | "none";
}

const ALL = SEVERITIES_WORST_FIRST;

export function readUrlState(hash: string): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const list = (k: string) => (p.get(k) ?? "").split(",").filter(Boolean);
  const sev = list("sev").filter((s): s is Severity => (ALL as string[]).includes(s));
  return {
    ...(p.get("sel") ? { selected: p.get("sel") as string } : {}),
    severities: sev.length > 0 ? sev : [...ALL],
    ...(p.get("rule") ? { rule: p.get("rule") as string } : {}),
    ...(p.get("env") ? { environment: p.get("env") as string } : {}),
    ...(p.get("vpc") ? { vpc: p.get("vpc") as string } : {}),
    query: p.get("q") ?? "",
    collapsed: list("collapsed"),
    expanded: list("expanded"),
    waived: p.get("waived") === "1",
    flows:
      p.get("flows") === "undocumented" || p.get("flows") === "none"
        ? (p.get("flows") as "undocumented" | "none")
        : "all",
  };
}

export function writeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.selected) p.set("sel", s.selected);
  if (s.severities.length !== ALL.length) p.set("sev", s.severities.join(","));
  if (s.rule) p.set("rule", s.rule);
  if (s.environment) p.set("env", s.environment);
  if (s.vpc) p.set("vpc", s.vpc);
  if (s.query) p.set("q", s.query);
  if (s.collapsed.length) p.set("collapsed", s.collapsed.join(","));
  if (s.expanded.length) p.set("expanded", s.expanded.join(","));
  if (s.waived) p.set("waived", "1");
  if (s.flows !== "all") p.set("flows", s.flows);
  const text = p.toString();
  return text ? `#${text}` : "";
}
