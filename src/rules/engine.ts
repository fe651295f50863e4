import { computeFacts, type Facts } from "../analysis/facts.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import { type FailOn, SEVERITY_ORDER, type Severity } from "../architecture/schema.ts";
import { matchesResourcePattern } from "../architecture/select.ts";
import type { Graph } from "../model/graph.ts";
import { cmp } from "../model/io.ts";
import { SERVICE_OF_TYPE, SERVICE_TYPES } from "../model/services.ts";
import type { Resource } from "../model/snapshot.ts";
import { type Finding, fingerprint, type UnverifiedCheck } from "./finding.ts";
import { type Rule, type RuleContext, type Unverified, unverified } from "./types.ts";

export interface RunOptions {
  spec?: LoadedSpec;
  now?: Date;
  facts?: Facts;
}

/** What rules read: the graph, its facts, the spec, the time, and what the snapshot recorded. */
export function ruleContext(graph: Graph, opts: RunOptions = {}): RuleContext {
  return {
    graph,
    facts: opts.facts ?? computeFacts(graph),
    spec: opts.spec,
    now: opts.now ?? new Date(),
    gap: (r, what) => graph.recorded.gap(r.account, r.region, what),
  };
}

/** What a run of the rules decided: failed checks (findings) and checks that could not be decided. */
export interface Checks {
  findings: Finding[];
  unverified: UnverifiedCheck[];
}

/** Runs every enabled rule over the graph and returns its findings (see runChecks for the unverified ones). */
export function runRules(rules: readonly Rule[], graph: Graph, opts: RunOptions = {}): Finding[] {
  return runChecks(rules, graph, opts).findings;
}

/**
 * Runs every enabled rule over the graph. A rule that throws becomes a finding of its own and the run
 * goes on. Findings and unverified checks come back in a stable order: severity (critical first), rule,
 * resource, key. Besides what a rule itself reports unverified (a prop not recorded), every rule is
 * unverified wherever the types it checks were not recorded at all (the snapshot's coverage): a region
 * where nobody read the load balancers is not one without findings about them.
 */
export function runChecks(rules: readonly Rule[], graph: Graph, opts: RunOptions = {}): Checks {
  const ctx = ruleContext(graph, opts);
  const settings = opts.spec?.spec.rules ?? {};
  const findings: (Finding & { key: string })[] = [];
  const unverified: (UnverifiedCheck & { key: string })[] = [];
  // What the source says of a resource's data (stale, half torn down): every finding on it quotes it.
  const dataNotes = new Map<string, string[]>();
  for (const n of graph.snapshot.notes ?? [])
    dataNotes.set(n.resource, [...(dataNotes.get(n.resource) ?? []), `data note: ${n.note}`]);
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
      results = [...rule.check(ctx), ...unrecordedScopes(rule, ctx)];
    } catch (err) {
      findings.push(ruleError(rule, err));
      continue;
    }
    for (const r of results) {
      const key = r.key ?? "";
      const common = {
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: override ?? r.severity ?? rule.meta.severity,
        pack: rule.meta.pack,
        resourceId: r.resource.id,
        resourceType: r.resource.type,
        ...(r.resource.name !== undefined ? { resourceName: r.resource.name } : {}),
        account: r.resource.account,
        region: r.resource.region,
      };
      const tail = {
        fingerprint: fingerprint(rule.meta.id, r.resource.id, key),
        ...(r.specLine !== undefined ? { specLine: r.specLine } : {}),
        ...waiverFor(rule.meta.id, r.resource, ctx),
        key,
      };
      if (r.unverified) unverified.push({ ...common, missing: r.missing, ...tail });
      else
        findings.push({
          ...common,
          message: r.message,
          evidence: [...r.evidence, ...(dataNotes.get(r.resource.id) ?? [])],
          ...tail,
        });
    }
  }
  const order = <T extends { severity: Severity; ruleId: string; resourceId: string; key: string }>(
    a: T,
    b: T,
  ) =>
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.resourceId, b.resourceId) ||
    cmp(a.key, b.key);
  findings.sort(order);
  unverified.sort(order);
  return {
    findings: findings.map(({ key: _key, ...f }) => f),
    unverified: unverified.map(({ key: _key, ...u }) => u),
  };
}

/**
 * One unverified result per account and region where a type the rule checks was not recorded at all
 * (its service denied, failed, skipped or never scanned there): the rule saw none of them, so it could
 * report nothing about them.
 */
function unrecordedScopes(rule: Rule, ctx: RuleContext): Unverified[] {
  const types = rule.meta.resourceTypes.filter((t) => SERVICE_OF_TYPE.has(t));
  if (types.length === 0) return [];
  const { accounts, regions } = ctx.graph.snapshot.scope;
  const out: Unverified[] = [];
  for (const account of accounts)
    for (const region of ["global", ...regions]) {
      const missing = types.flatMap((t) => {
        const global = SERVICE_TYPES[SERVICE_OF_TYPE.get(t) ?? ""]?.global ?? false;
        if (global !== (region === "global")) return [];
        const gap = ctx.graph.recorded.gap(account, region, t);
        return gap ? [`${t}: ${gap}`] : [];
      });
      if (missing.length > 0) out.push(unverified(scopeSubject(account, region), missing));
    }
  return out;
}

/** The stand-in resource of an account and region, for what a rule could not check anywhere there. */
export function scopeSubject(account: string, region: string): Resource {
  return {
    id: `asbuilt:scope/${account}/${region}`,
    type: "asbuilt::Scope",
    account,
    region,
    name: `${account} ${region}`,
    tags: {},
    props: {},
  };
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

/** Unwaived unverified checks at or above a severity: what `check --require-full-coverage` fails on too. */
export function failingUnverified(checks: readonly UnverifiedCheck[], threshold: FailOn): UnverifiedCheck[] {
  if (threshold === "none") return [];
  return checks.filter((c) => !c.waived && SEVERITY_ORDER[c.severity] >= SEVERITY_ORDER[threshold]);
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
