import type { Facts } from "../analysis/facts.ts";
import type { LoadedSpec } from "../architecture/load.ts";
import type { Severity } from "../architecture/schema.ts";
import type { Graph } from "../model/graph.ts";
import type { Resource } from "../model/snapshot.ts";

export interface RuleMeta {
  /** Equals the file name: src/rules/baseline/<id>.ts. */
  id: string;
  title: string;
  severity: Severity;
  /** baseline: best practice, needs no spec; spec: conformance to architecture.yaml (skipped without one). */
  pack: "baseline" | "spec";
  resourceTypes: string[];
  /** What the rule detects. */
  what: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** AWS Foundational Security Best Practices / CIS AWS Foundations ids, e.g. "FSBP EC2.19". */
  references: string[];
}

export interface RuleContext {
  graph: Graph;
  facts: Facts;
  /** Present when the user gave an architecture spec; spec-pack rules only run with one. */
  spec: LoadedSpec | undefined;
  /** The time findings are judged at (waiver expiry); fixed in tests. */
  now: Date;
}

export interface RuleResult {
  resource: Resource;
  message: string;
  evidence: string[];
  /** Distinguishes several findings of one rule on one resource (e.g. "tcp/22"); part of the fingerprint. */
  key?: string;
  /** Overrides the rule's default severity for this finding (e.g. exposure-aware downgrades). */
  severity?: Severity;
  specLine?: number;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleResult[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
