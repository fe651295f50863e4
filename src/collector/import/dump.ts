import { GetResources$ } from "@aws-sdk/client-resource-groups-tagging-api";
import type { SdkSchema } from "../shape.ts";
import type { ServiceModule } from "../types.ts";

// An AWS CLI dump: `<dir>/<account>/<region>/<service>-<operation>.json`, each file the JSON output of
// `aws <service> <operation>` (CloudMapper's `collect` writes this layout, paginated pages merged). The CLI
// prints exactly the SDK's response shape, so each file feeds the field of the service module's raw input
// that the live fetch would have filled, and the module's own normalize function does the rest.
//
// Calls made once per resource (the targets of each target group, the targets of each RDS proxy) are a
// folder named after the operation with one response per file, the file named after the parameter,
// URL-encoded as CloudMapper names them: `elbv2-describe-target-health/arn%3Aaws%3A…`.
//
// Each service folder has its own dump reader (<service>/dump.ts): the files it reads and how they become the
// module's raw input.

/** One file's response, read with the operation's output schema; `param` is the per-resource file's name, decoded. */
export interface DumpResponse<T = Record<string, unknown>> {
  out: T;
  param?: string;
  /** Every folder and file name below the operation's folder, decoded: [cluster, task], [region, vpc id]. */
  params?: string[];
  file: string;
  /**
   * The error code the file records instead of a response (operations with `errorRecords` only): botocore's
   * error response, {"Error": {"Code": "NoSuchTagSet", …}}, or the AWS CLI's message redirected into the
   * file, "An error occurred (NoSuchTagSet) when calling the GetBucketTagging operation: …". `out` is {}.
   */
  error?: string;
}

export type Get = <T>(name: string) => DumpResponse<T>[];

export interface OperationFile {
  op: SdkSchema;
  /** The output member that must be a list (checked, so a wrong file is an error, not silently nothing). */
  list?: string;
  /** Per-resource operation: what its files are named after. */
  perResource?: string;
  /** A per-resource file may record the call's error instead of a response (DumpResponse.error). */
  errorRecords?: boolean;
  /**
   * An empty file is the empty response: the AWS CLI prints nothing when the response has no members
   * (get-bucket-versioning of a bucket never versioned).
   */
  emptyResponse?: boolean;
}

export interface DumpReader<Raw> {
  module: ServiceModule<Raw>;
  files: Record<string, OperationFile>;
  /** Files whose absence means the module's picture of the region is incomplete. */
  required: readonly string[];
  /**
   * What each required file records (types, or "Type.prop"): without the file, these are not recorded
   * (the coverage says so, and rules report their checks unverified). A required file not listed here
   * leaves every type of the service unrecorded.
   */
  records?: Readonly<Record<string, readonly string[]>>;
  /**
   * Required files this dump does not need, given what else it has: the per-parent calls of parents it
   * lists as none (no load balancers: no listeners or target groups to describe), or an operation answered
   * another way (CloudMapper's ecs-list-clusters.json listing no cluster).
   */
  notNeeded?(get: Get): readonly string[];
  /**
   * The module's raw input from the files; `gaps` says in words what per-resource answers are missing,
   * `notRecorded` what that leaves unrecorded (types or "Type.prop").
   */
  build(get: Get): { raw: Raw; gaps: string[]; notRecorded?: string[] };
}

export function dumpReader<Raw>(r: DumpReader<Raw>): DumpReader<unknown> {
  return r as unknown as DumpReader<unknown>;
}

/** The items of a list member across every response of an operation. */
export function items<T>(get: Get, name: string, member: string): T[] {
  return get<Record<string, T[] | undefined>>(name).flatMap((r) => r.out[member] ?? []);
}

/** Unique by a key (CloudMapper lists target groups once per load balancer). */
export function uniqueBy<T>(list: T[], key: (t: T) => string | undefined): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (k === undefined) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const TAGGING_FILE = "resourcegroupstaggingapi-get-resources";
export const taggingFile = { op: GetResources$, list: "ResourceTagMappingList" };
export const tagMappings = (get: Get) =>
  items<import("../tagging/api.ts").TaggingRaw["mappings"][number]>(
    get,
    TAGGING_FILE,
    "ResourceTagMappingList",
  );

/** How many names a message lists before "…". */
export const LISTED = 3;
