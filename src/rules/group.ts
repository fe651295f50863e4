import { SEVERITY_ORDER } from "../architecture/schema.ts";
import type { Finding } from "./finding.ts";
import type { RuleMeta } from "./types.ts";

// One problem, one finding. Several rules can report the same problem on one resource: a database open to
// the internet is `rds-publicly-accessible` and `flow-undocumented` (and with a spec, `tier-placement`); an ALB
// without a web ACL is `alb-without-waf` and `tier-waf-missing`. Every rule still runs and keeps its own
// finding and fingerprint (SARIF and JUnit report each rule id); the reports people read show one finding per
// (resource, problem), the strictest severity first, the others listed under it as related.

/**
 * Findings grouped by resource and problem (the rules' `problem`): the first of each group (findings are
 * ordered worst first) carries the others in `related`. Findings of rules without a problem, and waived
 * findings with unwaived ones, are never grouped. The order is the input's.
 */
export function groupFindings(findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>): Finding[] {
  const primary = new Map<string, Finding & { related: NonNullable<Finding["related"]> }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const problem = rules.get(f.ruleId)?.problem;
    if (!problem) {
      out.push(f);
      continue;
    }
    const key = `${f.resourceId}\0${problem}\0${f.waived ? "w" : ""}`;
    const first = primary.get(key);
    if (!first) {
      const head = { ...f, related: [] as NonNullable<Finding["related"]> };
      primary.set(key, head);
      out.push(head);
      continue;
    }
    first.related.push({
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      message: f.message,
      evidence: f.evidence,
      fingerprint: f.fingerprint,
      ...(f.specLine !== undefined ? { specLine: f.specLine } : {}),
    });
    // Findings come worst first, so the head already has the strictest severity; keep it so if not.
    if (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[first.severity]) first.severity = f.severity;
  }
  return out.map((f) => (f.related && f.related.length === 0 ? withoutRelated(f) : f));
}

function withoutRelated(f: Finding): Finding {
  const { related: _related, ...rest } = f;
  return rest;
}

/** Every fingerprint a (possibly grouped) finding stands for: its own and its related findings'. */
export function fingerprintsOf(f: Finding): string[] {
  return [f.fingerprint, ...(f.related ?? []).map((r) => r.fingerprint)];
}
