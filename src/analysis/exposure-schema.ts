import * as z from "zod/mini";
import "../model/zod-messages.ts";

// The exposure entries' schema, on its own: the findings JSON (src/rules/finding.ts) and the web UI take it
// without the analysis that computes them.

/** How the internet gets to a resource. */
export const VIAS = [
  "direct",
  "load-balancer",
  "classic-load-balancer",
  "cloudfront",
  "api-gateway",
  "lambda-url",
  "eks-endpoint",
  "opensearch-endpoint",
] as const;
export type Via = (typeof VIAS)[number];

export const ExposureHop = z.strictObject({
  kind: z.string(),
  resourceId: z.optional(z.string()),
  text: z.string(),
});
export type ExposureHop = z.infer<typeof ExposureHop>;

export const ExposureEntry = z.strictObject({
  resourceId: z.string(),
  resourceType: z.string(),
  resourceName: z.optional(z.string()),
  account: z.string(),
  region: z.string(),
  protocol: z.enum(["tcp", "udp", "icmp"]),
  /** "443", "8000-8100", "all" (ICMP: types). */
  ports: z.string(),
  /** "tcp/443": protocol and ports together. */
  traffic: z.string(),
  /** "anyone": any internet address; "some addresses": listed public ranges only. */
  audience: z.enum(["anyone", "some addresses"]),
  via: z.enum(VIAS),
  /** The front door (load balancer, distribution…) when not direct. */
  viaId: z.optional(z.string()),
  viaName: z.optional(z.string()),
  /** Steps in order, each naming what allows it (route, NACL rule number, security group rule, listener). */
  hops: z.array(ExposureHop),
  /** True when some step was not recorded: reachable only if what nobody read allows it. */
  unknown: z.boolean(),
  /** What was not recorded (empty when `unknown` is false). */
  reasons: z.array(z.string()),
  /** With a spec: whether a documented flow from the internet to the resource's tier allows this traffic. */
  documented: z.optional(z.boolean()),
});
export type ExposureEntry = z.infer<typeof ExposureEntry>;
