import { SEVERITIES_WORST_FIRST } from "../../src/architecture/schema.ts";
import type { Severity } from "./diagram/types.ts";

/** Everything a deep link holds: the selection, the filters, what is collapsed or expanded. */
export interface UrlState {
  selected?: string;
  /** The selected finding (its fingerprint): its resources and path are highlighted. */
  finding?: string;
  severities: Severity[];
  rule?: string;
  environment?: string;
  vpc?: string;
  query: string;
  collapsed: string[];
  expanded: string[];
  waived: boolean;
  /** With a comparison: only what was added, removed or changed. */
  changes: boolean;
  /**
   * Which edges are drawn: the architect's default (LB → targets, DNS → LB, CloudFront → origin, documented
   * flows and every violation), only the violations, every possible flow too, or no flows.
   */
  flows: FlowView;
  /** Every resource the internet reaches highlighted (the findings JSON's `exposure`). */
  exposed: boolean;
  /** Side panels folded away, for a wider diagram. */
  hideFindings: boolean;
  hideInspector: boolean;
}

export const FLOW_VIEWS = ["default", "violations", "all", "none"] as const;
export type FlowView = (typeof FLOW_VIEWS)[number];

const ALL = SEVERITIES_WORST_FIRST;

export function readUrlState(hash: string): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const list = (k: string) => (p.get(k) ?? "").split(",").filter(Boolean);
  const sev = list("sev").filter((s): s is Severity => (ALL as string[]).includes(s));
  return {
    ...(p.get("sel") ? { selected: p.get("sel") as string } : {}),
    ...(p.get("finding") ? { finding: p.get("finding") as string } : {}),
    severities: sev.length > 0 ? sev : [...ALL],
    ...(p.get("rule") ? { rule: p.get("rule") as string } : {}),
    ...(p.get("env") ? { environment: p.get("env") as string } : {}),
    ...(p.get("vpc") ? { vpc: p.get("vpc") as string } : {}),
    query: p.get("q") ?? "",
    collapsed: list("collapsed"),
    expanded: list("expanded"),
    waived: p.get("waived") === "1",
    changes: p.get("changes") === "1",
    flows: (FLOW_VIEWS as readonly string[]).includes(p.get("flows") ?? "")
      ? (p.get("flows") as FlowView)
      : // Links written before the default view existed said "undocumented" for the violations.
        p.get("flows") === "undocumented"
        ? "violations"
        : "default",
    exposed: p.get("exposed") === "1",
    hideFindings: p.get("panels")?.includes("nofindings") === true,
    hideInspector: p.get("panels")?.includes("noinspector") === true,
  };
}

export function writeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.selected) p.set("sel", s.selected);
  if (s.finding) p.set("finding", s.finding);
  if (s.severities.length !== ALL.length) p.set("sev", s.severities.join(","));
  if (s.rule) p.set("rule", s.rule);
  if (s.environment) p.set("env", s.environment);
  if (s.vpc) p.set("vpc", s.vpc);
  if (s.query) p.set("q", s.query);
  if (s.collapsed.length) p.set("collapsed", s.collapsed.join(","));
  if (s.expanded.length) p.set("expanded", s.expanded.join(","));
  if (s.waived) p.set("waived", "1");
  if (s.changes) p.set("changes", "1");
  if (s.flows !== "default") p.set("flows", s.flows);
  if (s.exposed) p.set("exposed", "1");
  const panels = [s.hideFindings ? "nofindings" : "", s.hideInspector ? "noinspector" : ""].filter(Boolean);
  if (panels.length) p.set("panels", panels.join(","));
  const text = p.toString();
  return text ? `#${text}` : "";
}
