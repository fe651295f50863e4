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
  /**
   * The data the rule decides from: resource types, and "Type.prop" for the props it reads (e.g.
   * "AWS::RDS::DBInstance.storageEncrypted"). Where a snapshot did not record one, the rule reports its
   * check as unverified, never as passed or failed (docs/rules.md lists these per rule).
   */
  needs: string[];
  /**
   * The problem the rule's findings are about ("exposure", "waf", "tls", "encryption", "availability",
   * "open-ports"): findings of rules with the same problem on one resource are one finding in the reports,
   * the others listed as related (src/rules/group.ts).
   */
  problem?: string;
}

export interface RuleContext {
  graph: Graph;
  facts: Facts;
  /** Present when the user gave an architecture spec; spec-pack rules only run with one. */
  spec: LoadedSpec | undefined;
  /** The time findings are judged at (waiver expiry); fixed in tests. */
  now: Date;
  /**
   * Why `what` (a type, or "Type.prop") was not recorded where `resource` is (its account and region), or
   * undefined when it was: the snapshot's coverage decides (src/model/recorded.ts).
   */
  gap(resource: Resource, what: string): string | undefined;
}

/** A check that failed, with the evidence from the data. */
export interface Failure {
  resource: Resource;
  message: string;
  evidence: string[];
  /** Distinguishes several findings of one rule on one resource (e.g. "tcp/22"); part of the fingerprint. */
  key?: string;
  /** Overrides the rule's default severity for this finding (e.g. exposure-aware downgrades). */
  severity?: Severity;
  specLine?: number;
  unverified?: undefined;
}

/**
 * A check the rule could not decide because data it needs was not recorded: never a failure, never a pass.
 * `missing` says what was not recorded, one sentence each.
 */
export interface Unverified {
  unverified: true;
  resource: Resource;
  missing: string[];
  key?: string;
  /** The severity the finding would have, were it to fail (default: the rule's). */
  severity?: Severity;
  specLine?: number;
}

export type RuleResult = Failure | Unverified;

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleResult[];
}

/** An unverified result: `missing` lists what was not recorded. */
export function unverified(
  resource: Resource,
  missing: readonly string[],
  more: Omit<Unverified, "unverified" | "resource" | "missing"> = {},
): Unverified {
  return { unverified: true, resource, missing: [...new Set(missing)], ...more };
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
