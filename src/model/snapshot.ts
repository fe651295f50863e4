import * as z from "zod/mini";
import "./zod-messages.ts";
import { isKnownType, type KnownType, PROPS_BY_TYPE, type PropsOf } from "./props.ts";

export const AccountId = z.string().check(z.regex(/^\d{12}$/, "expected a 12-digit AWS account id"));
/** A region name, or "global" for global services (S3 bucket list, CloudFront, Route 53, IAM). */
export const Region = z
  .string()
  .check(
    z.regex(
      /^(global|[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d)$/,
      'expected a region such as us-east-2 or "global"',
    ),
  );

const ResourceBase = z.strictObject({
  /** The ARN, or an ARN built the way AWS would (EC2 resources). Unique in a snapshot. */
  id: z.string().check(z.minLength(1)),
  account: AccountId,
  region: Region,
  /** The Name tag, or the resource's own name. */
  name: z.optional(z.string()),
  /** User-written text: untrusted, escape it wherever it is rendered. */
  tags: z.record(z.string(), z.string()),
  /** The id of the containing resource (VPC for a subnet, subnet for an instance). */
  parent: z.optional(z.string().check(z.minLength(1))),
});

function variant<T extends KnownType>(type: T) {
  return z.extend(ResourceBase, { type: z.literal(type), props: PROPS_BY_TYPE[type] });
}

type ResourceBase = z.infer<typeof ResourceBase>;
/** A resource of a modelled type: `props` is checked against that type's schema. */
export type ResourceOf<T extends KnownType> = ResourceBase & { type: T; props: PropsOf<T> };
export type KnownResource = { [T in KnownType]: ResourceOf<T> }[KnownType];

/** Any other type (from the tagging API or AWS Config): kept, so nothing scanned is dropped. */
export const GenericResource = z.extend(ResourceBase, {
  type: z.string().check(
    z.regex(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/, "expected a type name such as AWS::EC2::VPC"),
    z.refine((t) => !isKnownType(t), "is a modelled type; its props must match that type's schema"),
  ),
  props: z.record(z.string(), z.unknown()),
});
export type GenericResource = z.infer<typeof GenericResource>;

const variants = new Map<KnownType, ReturnType<typeof variant>>();

/**
 * Schema of one resource, chosen by its `type` so that errors name the exact prop. Built once per type:
 * zod compiles a schema on first use, and building one per resource made loading 100k resources
 * spend most of its time compiling (docs/benchmarks.md).
 */
export function resourceSchemaFor(type: unknown) {
  if (typeof type === "string" && isKnownType(type)) {
    let v = variants.get(type);
    if (!v) {
      v = variant(type);
      variants.set(type, v);
    }
    return v;
  }
  return GenericResource;
}

// No schema of the union of all types, nor of the whole snapshot: io.ts validates each resource against its
// own type's schema (resourceSchemaFor), and building all 44 at load cost every command's start-up.
export type Resource = KnownResource | GenericResource;

export const EdgeKind = z.enum([
  "contains", // logical containment beyond `parent`: ASG → instance, cluster → service, zone → record
  "uses", // instance/ENI/LB/DB → security group
  "routes", // route table → IGW / NAT / peering / TGW / endpoint
  "targets", // LB → listener → target group → instance / IP / Lambda
  "protects", // web ACL → LB / CloudFront
  "aliases", // DNS record → LB / CloudFront / bucket
  "origin", // CloudFront → S3 / LB
  "attached", // ENI → instance / LB / RDS / cache / Lambda / task; EIP → ENI; IGW → VPC
]);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const Edge = z.strictObject({
  from: z.string().check(z.minLength(1)),
  to: z.string().check(z.minLength(1)),
  kind: EdgeKind,
});
export type Edge = z.infer<typeof Edge>;

export const Coverage = z.strictObject({
  account: AccountId,
  region: Region,
  service: z.string().check(z.minLength(1)),
  /**
   * scanned: everything the service's module reads was read; partial: read, but the types in
   * `notRecorded` were not (a dump without some files, a source that never records them); denied, failed,
   * skipped: nothing of the service was read here.
   */
  status: z.enum(["scanned", "partial", "denied", "failed", "skipped"]),
  /** Why it was not (fully) scanned: the AWS error code and message, or what the source lacks. */
  error: z.optional(z.string()),
  /** With status partial: the resource types (or "Type.aspect", e.g. "AWS::ElasticLoadBalancingV2::TargetGroup.targets") that were not recorded. */
  notRecorded: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type Coverage = z.infer<typeof Coverage>;

/**
 * Something a source shows exists that no snapshot resource stands for and asbuilt did not evaluate: AWS CLI
 * dump files it has no reader for, AWS Config items it could not keep. (Resources of unmodelled types,
 * from the Tagging API or AWS Config, are in `resources` and count as present, not evaluated too: see
 * src/model/not-evaluated.ts, which joins both.)
 */
export const NotEvaluated = z.strictObject({
  account: AccountId,
  region: Region,
  /** An AWS type name ("AWS::SQS::Queue"), or for a dump file the CLI command ("aws sqs list-queues"). */
  type: z.string().check(z.minLength(1)),
  /** Resources, items of a dump file's lists, or per-resource files. */
  count: z.number().check(z.int(), z.gte(1)),
  source: z.enum(["aws-config", "dump"]),
});
export type NotEvaluated = z.infer<typeof NotEvaluated>;

/**
 * What a source says about one resource's data beyond its props: the item was contradicted by a newer one,
 * it refers to something recorded as deleted (half torn down). Findings on the resource quote it.
 */
export const ResourceNote = z.strictObject({
  resource: z.string().check(z.minLength(1)),
  note: z.string().check(z.minLength(1)),
});
export type ResourceNote = z.infer<typeof ResourceNote>;

export const SCHEMA_VERSION = 1;

const SnapshotEnvelope = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  scannedAt: z.iso.datetime({ offset: true }),
  /** Where the snapshot came from: "fixture:coursedog", "scan", "aws-config", "import". */
  source: z.optional(z.string()),
  scope: z.strictObject({ accounts: z.array(AccountId), regions: z.array(Region) }),
  edges: z.array(Edge),
  coverage: z.array(Coverage),
  /** What the sources show exists but asbuilt neither modelled nor kept (absent: nothing such). */
  notEvaluated: z.optional(z.array(NotEvaluated)),
  /** Notes on resources' data (stale, contradicted, torn down), by resource id; absent when there are none. */
  notes: z.optional(z.array(ResourceNote)),
};

/** The snapshot minus its resources, which are validated one by one against their own type's schema. */
export const SnapshotShell = z.strictObject({ ...SnapshotEnvelope, resources: z.array(z.unknown()) });
export type Snapshot = Omit<z.infer<typeof SnapshotShell>, "resources"> & { resources: Resource[] };

export function isType<T extends KnownType>(r: Resource, type: T): r is ResourceOf<T> {
  return r.type === type;
}

/** The resource as the discriminated union of modelled types (so `switch (k.type)` narrows `props`), or null for a generic one. */
export function asKnown(r: Resource): KnownResource | null {
  return isKnownType(r.type) ? (r as KnownResource) : null;
}
