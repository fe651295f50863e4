import { z } from "zod";

// The documented architecture, as data (architecture.yaml). Our own format: strict, so a typo in a
// key is an error that names the line, never a silently ignored setting.

export const Severity = z.enum(["low", "medium", "high", "critical"]);
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_ORDER: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };
/** What makes `asbuilt check` exit 1: findings at or above a severity, or nothing (report-only runs). */
export const FailOn = z.enum([...Severity.options, "none"]);
export type FailOn = z.infer<typeof FailOn>;
/** The severities as reports list them: worst first. */
export const SEVERITIES_WORST_FIRST: readonly Severity[] = ["critical", "high", "medium", "low"];

const OneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Which resources a tier (or waiver) covers: every given field must match. */
export const Selector = z
  .strictObject({
    /** CloudFormation type name(s), e.g. AWS::RDS::DBInstance. */
    type: OneOrMany.optional(),
    /** Tag key → value (or any of several values). "*" matches any value. */
    tags: z.record(z.string().min(1), OneOrMany).optional(),
    /** Name glob (`*` and `?`), e.g. "prod-web-*". */
    name: OneOrMany.optional(),
    /** ARN glob, e.g. "arn:aws:rds:*:*:db:prod-*". */
    arn: OneOrMany.optional(),
  })
  .refine(
    (s) => s.type !== undefined || s.tags !== undefined || s.name !== undefined || s.arn !== undefined,
    {
      message: "a selector needs at least one of: type, tags, name, arn",
    },
  );
export type Selector = z.infer<typeof Selector>;

export const Placement = z.enum(["public", "private", "isolated", "any"]);
export type Placement = z.infer<typeof Placement>;

export const Tier = z.strictObject({
  description: z.string().optional(),
  select: Selector,
  /** public: a subnet routed to an internet gateway; private: egress through NAT only; isolated: no route out. */
  placement: Placement.default("any"),
  waf: z.enum(["required", "optional"]).default("optional"),
  tls: z.enum(["required", "optional"]).default("optional"),
  multiAz: z.boolean().default(false),
  encryption: z.enum(["required", "optional"]).default("optional"),
});
export type Tier = z.infer<typeof Tier>;

const TierName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "tier names are lower-case words: letters, digits and dashes");

const PortSpec = z.union([
  z.number().int().min(0).max(65535),
  z.string().regex(/^\d{1,5}-\d{1,5}$/, 'expected a port such as 443 or a range such as "8000-8100"'),
]);

export const Flow = z.strictObject({
  /** A tier name, or "internet". */
  from: z.string().min(1),
  to: z.string().min(1),
  ports: z.array(PortSpec).min(1),
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  description: z.string().optional(),
});
export type Flow = z.infer<typeof Flow>;

export const Waiver = z.strictObject({
  /** Rule id, e.g. compute-in-public-subnet. */
  rule: z.string().min(1),
  /** "tag:Name=ci-runner", "name:ci-*", an ARN (glob), or "*". */
  resource: z.string().min(1),
  reason: z.string().trim().min(10, "a waiver's reason must say why, in at least 10 characters"),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date such as 2027-06-30"),
});
export type Waiver = z.infer<typeof Waiver>;

export const RuleSetting = z.union([
  z.enum(["on", "off"]),
  z.strictObject({ enabled: z.boolean().optional(), severity: Severity.optional() }),
]);

export const Spec = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  environments: z
    .strictObject({
      /** The tag whose value names a resource's environment. */
      tag: z.string().min(1).default("Environment"),
      values: z.array(z.string().min(1)).min(1),
      /** vpc: each environment in VPCs of its own, not peered; account: in accounts of its own; none: no check. */
      isolation: z.enum(["vpc", "account", "none"]).default("vpc"),
    })
    .optional(),
  tags: z
    .strictObject({
      required: z.array(z.string().min(1)).default([]),
      /** Tag key → the values it may take. */
      allowed: z.record(z.string().min(1), z.array(z.string())).default({}),
    })
    .optional(),
  tiers: z.record(TierName, Tier).default({}),
  flows: z.array(Flow).default([]),
  waivers: z.array(Waiver).default([]),
  rules: z.record(z.string().min(1), RuleSetting).default({}),
});
export type Spec = z.infer<typeof Spec>;
