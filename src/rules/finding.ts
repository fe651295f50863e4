import { createHash } from "node:crypto";
import * as z from "zod/mini";
import "../model/zod-messages.ts";
import { ExposureEntry } from "../analysis/exposure-schema.ts";
import { Severity } from "../architecture/schema.ts";

/** A line of the spec (1-based). */
const SpecLine = z.optional(z.number().check(z.int()));

/** The waiver that covers a finding or check: reported, never failing the run. */
const Waived = z.optional(z.strictObject({ reason: z.string(), expires: z.string(), specLine: SpecLine }));

export const Finding = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  pack: z.enum(["baseline", "spec", "engine"]),
  resourceId: z.string(),
  resourceType: z.string(),
  resourceName: z.optional(z.string()),
  account: z.string(),
  region: z.string(),
  /** One sentence: what is wrong with this resource. */
  message: z.string(),
  /** The facts that prove it: which rule, route, port, tag. */
  evidence: z.array(z.string()),
  /** Stable across scans: sha256(rule, resource, key). Waivers and baselines match on it. */
  fingerprint: z.string(),
  /** Line of the spec that this finding is about (a tier, a flow), when there is one. */
  specLine: SpecLine,
  waived: Waived,
  /**
   * Findings of other rules about the same problem on the same resource, shown with this one (reports
   * group them: src/rules/group.ts); each keeps its rule id and fingerprint.
   */
  related: z.optional(
    z.array(
      z.strictObject({
        ruleId: z.string(),
        title: z.string(),
        severity: Severity,
        message: z.string(),
        evidence: z.array(z.string()),
        fingerprint: z.string(),
        specLine: SpecLine,
      }),
    ),
  ),
});
export type Finding = z.infer<typeof Finding>;

/**
 * A check that could not be decided: the data it needs was not recorded (coverage gap, absent prop,
 * unknown route table). Never a pass and never a failure; `missing` says what to collect.
 */
export const UnverifiedCheck = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  /** The severity the finding would have if the check failed. */
  severity: Severity,
  pack: z.enum(["baseline", "spec", "engine"]),
  /** The resource, or `asbuilt:scope/<account>/<region>` when the rule could check nothing there. */
  resourceId: z.string(),
  resourceType: z.string(),
  resourceName: z.optional(z.string()),
  account: z.string(),
  region: z.string(),
  /** What was not recorded, one sentence each. */
  missing: z.array(z.string()),
  /** Stable across scans, like a finding's (a diff can tell a check that became unverified). */
  fingerprint: z.string(),
  specLine: SpecLine,
  waived: Waived,
});
export type UnverifiedCheck = z.infer<typeof UnverifiedCheck>;

/** Traffic the network allows, for diagrams: "internet" or a resource id → a resource id. */
export const FlowEdge = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** TCP ports, e.g. "22, 443, 8000-8100". */
  ports: z.string(),
  /** documented: a spec flow covers every port; undocumented: some port is not; unspecified: no spec given. */
  status: z.enum(["documented", "undocumented", "unspecified"]),
  /** The fingerprint of the flow-undocumented finding this flow shows: the diagram draws it red. */
  finding: z.optional(z.string()),
  /** Why it is possible: the security-group rules, NACL entries and routes of one path that allows it. */
  evidence: z.optional(z.array(z.string())),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

/**
 * A comparison for the diagram (`asbuilt serve|report --compare OLD`): which ids were added, removed (the
 * served snapshot carries them, drawn ghosted at their place) and changed (with the changes in words), and
 * the edges added and removed.
 */
export const DiagramDiff = z.strictObject({
  /** The old snapshot's file. */
  old: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.record(z.string(), z.array(z.string())),
  edgesAdded: z.array(z.strictObject({ from: z.string(), to: z.string(), kind: z.string() })),
  edgesRemoved: z.array(z.strictObject({ from: z.string(), to: z.string(), kind: z.string() })),
});
export type DiagramDiff = z.infer<typeof DiagramDiff>;

export const FindingsReport = z.strictObject({
  asbuilt: z.string(),
  snapshot: z.string(),
  spec: z.optional(z.string()),
  summary: z.record(z.string(), z.number()),
  findings: z.array(Finding),
  /** Checks that could not be decided for lack of data (absent in reports of asbuilt before 0.2). */
  unverified: z.optional(z.array(UnverifiedCheck)),
  /**
   * What the sources show exists that no rule evaluated (src/model/not-evaluated.ts): unmodelled resource
   * types, dump files without a reader, AWS Config items not kept. Absent in reports before issue 15.
   */
  presentNotEvaluated: z.optional(
    z.array(
      z.strictObject({
        account: z.string(),
        region: z.string(),
        type: z.string(),
        count: z.number().check(z.int(), z.gte(1)),
        source: z.enum(["resource", "aws-config", "dump"]),
      }),
    ),
  ),
  /**
   * What the internet reaches (each resource × protocol/ports × front door, with its path), and with
   * `unknown: true` what it may reach if unrecorded data allows it (docs/exposure.md).
   */
  exposure: z.optional(z.array(ExposureEntry)),
  /** What a diagram needs beyond the snapshot: the spec's tiers and environments, and the flows. */
  view: z.optional(
    z.strictObject({
      /** The tag naming a resource's environment (spec `environments.tag`). */
      environmentTag: z.optional(z.string()),
      /** Tier name → ids of its members. */
      tiers: z.record(z.string(), z.array(z.string())),
      flows: z.array(FlowEdge),
      /**
       * Subnet resource id → its class from the route table: public, private, isolated (and any class the
       * analysis adds, e.g. unknown when the route table was not recorded). Unlisted subnets are unknown.
       */
      subnetClasses: z.record(z.string(), z.string()),
      /** Title, why and fix of every rule that has a finding here, for the inspector's remediation. */
      rules: z.record(z.string(), z.strictObject({ title: z.string(), why: z.string(), fix: z.string() })),
      /** Flow edges left out above the drawing limit. */
      flowsLeftOut: z.number().check(z.int(), z.gte(0)),
      /** With --compare: what changed since the old snapshot (the diagram marks it). */
      diff: z.optional(DiagramDiff),
    }),
  ),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

export function fingerprint(ruleId: string, resourceId: string, key = ""): string {
  return createHash("sha256").update(`${ruleId}\0${resourceId}\0${key}`).digest("hex").slice(0, 16);
}
