import { computeFacts, type Facts } from "../analysis/facts.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { type FailOn, SEVERITY_ORDER, type Severity } from "../architecture/schema.ts";
import { matchesResourcePattern } from "../architecture/select.ts";
import type { Graph } from "../model/graph.ts";
import { cmp } from "../model/io.ts";
import type { Resource } from "../model/snapshot.ts";
import { type Finding, fingerprint } from "./finding.ts";
import type { Rule, RuleContext } from "./types.ts";

export interface RunOptions {
  spec?: LoadedSpec;
  now?: Date;
  facts?: Facts;
}

/**
 * Runs every enabled rule over the graph. A rule that throws becomes a finding of its own and the
 * run goes on. Findings come back in a stable order: severity (critical first), rule, resource, key.
 */
export function runRules(rules: readonly Rule[], graph: Graph, opts: RunOptions = {}): Finding[] {
  const ctx: RuleContext = {
    graph,
    facts: opts.facts ?? computeFacts(graph),
    spec: opts.spec,
    now: opts.now ?? new Date(),
  };
  const settings = opts.spec?.spec.rules ?? {};
  const findings: (Finding & { key: string })[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    const enabled =
      setting === undefined
        ? true
        : typeof setting === "string"
          ? setting === "on"
          : setting.enabled !== false;
    if (!enabled) continue;
    if (rule.meta.pack === "spec" && !opts.spec) continue;
    const override: Severity | undefined = typeof setting === "object" ? setting.severity : undefined;
    let results: ReturnType<Rule["check"]>;
    try {
      results = rule.check(ctx);
    } catch (err) {
      findings.push(ruleError(rule, err));
      continue;
    }
    for (const r of results) {
      const key = r.key ?? "";
      findings.push({
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: override ?? r.severity ?? rule.meta.severity,
        pack: rule.meta.pack,
        resourceId: r.resource.id,
        resourceType: r.resource.type,
        ...(r.resource.name !== undefined ? { resourceName: r.resource.name } : {}),
        account: r.resource.account,
        region: r.resource.region,
        message: r.message,
        evidence: r.evidence,
        fingerprint: fingerprint(rule.meta.id, r.resource.id, key),
        ...(r.specLine !== undefined ? { specLine: r.specLine } : {}),
        ...waiverFor(rule.meta.id, r.resource, ctx),
        key,
      });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.resourceId, b.resourceId) ||
      cmp(a.key, b.key),
  );
  return findings.map(({ key: _key, ...f }) => f);
}

/** The first unexpired waiver in the spec that matches the rule and resource. */
function waiverFor(ruleId: string, resource: Resource, ctx: RuleContext): Pick<Finding, "waived"> {
  const spec = ctx.spec;
  if (!spec) return {};
  const today = ctx.now.toISOString().slice(0, 10);
  const i = spec.spec.waivers.list.findIndex(
    (w) =>
      (w.rule === ruleId || w.rule === "*") &&
      w.expires >= today &&
      matchesResourcePattern(resource, w.resource),
  );
  const w = spec.spec.waivers.list[i];
  if (!w) return {};
  const line = spec.waiverLine(i);
  return {
    waived: { reason: w.reason, expires: w.expires, ...(line !== undefined ? { specLine: line } : {}) },
  };
}

function ruleError(rule: Rule, err: unknown): Finding & { key: string } {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ruleId: "rule-error",
    title: "A rule failed to run",
    severity: "high",
    pack: "engine",
    resourceId: `asbuilt:rule/${rule.meta.id}`,
    resourceType: "asbuilt::Rule",
    account: "000000000000",
    region: "global",
    message: `Rule ${rule.meta.id} threw an error, so its checks did not run: ${message}`,
    evidence: [err instanceof Error && err.stack ? err.stack.split("\n").slice(0, 3).join(" | ") : message],
    fingerprint: fingerprint("rule-error", rule.meta.id),
    key: "",
  };
}

/** Counts of unwaived findings by severity, plus waived. */
export function summarize(findings: readonly Finding[]): Record<Severity | "waived" | "total", number> {
  const out = { critical: 0, high: 0, medium: 0, low: 0, waived: 0, total: findings.length };
  for (const f of findings) {
    if (f.waived) out.waived++;
    else out[f.severity]++;
  }
  return out;
}

/** Unwaived findings at or above a severity: what makes `asbuilt check` exit 1 ("none": never any). */
export function failing(findings: readonly Finding[], threshold: FailOn): Finding[] {
  if (threshold === "none") return [];
  return findings.filter((f) => !f.waived && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[threshold]);
}
