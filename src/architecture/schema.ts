import * as z from "zod/mini";
import "../model/zod-messages.ts";

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

const OneOrMany = z.union([
  z.string().check(z.minLength(1)),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
]);

/** Which resources a tier (or waiver) covers: every given field must match. */
export const Selector = z
  .strictObject({
    /** CloudFormation type name(s), e.g. AWS::RDS::DBInstance. */
    type: z.optional(OneOrMany),
    /** Tag key → value (or any of several values). "*" matches any value. */
    tags: z.optional(z.record(z.string().check(z.minLength(1)), OneOrMany)),
    /** Name glob (`*` and `?`), e.g. "prod-web-*". */
    name: z.optional(OneOrMany),
    /** ARN glob, e.g. "arn:aws:rds:*:*:db:prod-*". */
    arn: z.optional(OneOrMany),
  })
  .check(
    z.refine(
      (s) => s.type !== undefined || s.tags !== undefined || s.name !== undefined || s.arn !== undefined,
      {
        message: "a selector needs at least one of: type, tags, name, arn",
      },
    ),
  );
export type Selector = z.infer<typeof Selector>;

export const Placement = z.enum(["public", "private", "isolated", "any"]);
export type Placement = z.infer<typeof Placement>;

export const Tier = z.strictObject({
  description: z.optional(z.string()),
  select: Selector,
  /** public: a subnet routed to an internet gateway; private: egress through NAT only; isolated: no route out. */
  placement: z._default(Placement, "any"),
  waf: z._default(z.enum(["required", "optional"]), "optional"),
  tls: z._default(z.enum(["required", "optional"]), "optional"),
  multiAz: z._default(z.boolean(), false),
  encryption: z._default(z.enum(["required", "optional"]), "optional"),
});
export type Tier = z.infer<typeof Tier>;

const TierName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]*$/, "tier names are lower-case words: letters, digits and dashes"));

const PortSpec = z.union([
  z.number().check(z.int(), z.gte(0), z.lte(65535)),
  z
    .string()
    .check(z.regex(/^\d{1,5}-\d{1,5}$/, 'expected a port such as 443 or a range such as "8000-8100"')),
]);

export const Flow = z.strictObject({
  /** A tier name, or "internet". */
  from: z.string().check(z.minLength(1)),
  to: z.string().check(z.minLength(1)),
  ports: z.array(PortSpec).check(z.minLength(1)),
  protocol: z._default(z.enum(["tcp", "udp"]), "tcp"),
  description: z.optional(z.string()),
});
export type Flow = z.infer<typeof Flow>;

/** Why `text` (YYYY-MM-DD) is not a real calendar date, or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `"${text}" is not a date such as 2027-06-30 (year-month-day)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${text} is not a calendar date: there is no month ${mo}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `${text} is not a calendar date: month ${mo} of ${y} has ${days} days`;
  return undefined;
}

/** A required string whose absence gets a sentence saying what the field is for, not "received undefined". */
const required = (missing: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? missing : undefined) });

export const Waiver = z.strictObject({
  /** Rule id, e.g. compute-in-public-subnet, or "*". */
  rule: required('every waiver names the rule it waives (rule: a rule id, or "*")').check(z.minLength(1)),
  /** "tag:Name=ci-runner", "name:ci-*", "type:AWS::…", an ARN (glob), or "*". */
  resource: required(
    'every waiver names what it covers (resource: "tag:Key=Value", "name:glob", "type:AWS::…", an ARN glob or "*")',
  ).check(z.minLength(1)),
  reason: required("every waiver needs a reason: why the risk is accepted, in at least 10 characters").check(
    z.trim(),
    z.minLength(10, "a waiver's reason must say why, in at least 10 characters"),
  ),
  expires: required("every waiver needs an expiry date, such as expires: 2027-06-30").check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date such as 2027-06-30 (year-month-day)"),
    z.superRefine((v, ctx) => {
      // The pattern above has its own message; this catches 2027-13-45 and 2027-02-30.
      const problem = /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarDateProblem(v) : undefined;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  ),
});
export type Waiver = z.infer<typeof Waiver>;

/**
 * `waivers:` is the list itself, or `{ maxDays, list }` when the team caps how far ahead a waiver may
 * expire. Either way the loaded spec holds `{ maxDays?, list }`.
 */
export const Waivers = z.pipe(
  z.union([
    z.array(Waiver),
    z.strictObject({
      /** No waiver may expire more than this many days after the day of the check. */
      maxDays: z.optional(z.number().check(z.int(), z.gte(1))),
      list: z._default(z.array(Waiver), []),
    }),
  ]),
  z.transform((w): { maxDays?: number; list: Waiver[] } => (Array.isArray(w) ? { list: w } : w)),
);
export type Waivers = z.infer<typeof Waivers>;

export const RuleSetting = z.union([
  z.enum(["on", "off"]),
  z.strictObject({ enabled: z.optional(z.boolean()), severity: z.optional(Severity) }),
]);

export const Spec = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  environments: z.optional(
    z.strictObject({
      /** The tag whose value names a resource's environment. */
      tag: z._default(z.string().check(z.minLength(1)), "Environment"),
      values: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      /** vpc: each environment in VPCs of its own, not peered; account: in accounts of its own; none: no check. */
      isolation: z._default(z.enum(["vpc", "account", "none"]), "vpc"),
    }),
  ),
  tags: z.optional(
    z.strictObject({
      required: z._default(z.array(z.string().check(z.minLength(1))), []),
      /** Tag key → the values it may take. */
      allowed: z._default(z.record(z.string().check(z.minLength(1)), z.array(z.string())), {}),
    }),
  ),
  tiers: z._default(z.record(TierName, Tier), {}),
  flows: z._default(z.array(Flow), []),
  waivers: z.prefault(Waivers, []),
  rules: z._default(z.record(z.string().check(z.minLength(1)), RuleSetting), {}),
});
export type Spec = z.infer<typeof Spec>;
