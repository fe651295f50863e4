import type { Resource, Snapshot } from "../../src/model/snapshot.ts";
import type { OperationSchema, Protocol } from "./protocols.ts";

/** What a handler sees of one request. */
export interface RequestContext {
  /** The account the caller's credentials belong to (see accessKeyFor). */
  account: string;
  region: string;
  /** Request parameters: form fields (query protocols), JSON body members, or query-string and path labels (REST). */
  params: Record<string, unknown>;
  /** The snapshot's resources of this account and region ("global" resources for global services). */
  resources: readonly Resource[];
  snapshot: Snapshot;
}

/** Which list in the output is paginated, and the names of the paging parameters. */
export interface Paging {
  items: string;
  /** Input token name (NextToken, Marker). */
  token: string;
  /** Output token name (NextToken, NextMarker, Marker). */
  nextToken?: string;
  /** Input page-size parameter (MaxResults, MaxRecords, MaxItems, PageSize, Limit). */
  limit: string;
  /** Output flag some APIs set when truncated (IsTruncated). */
  truncatedFlag?: string;
}

export interface OperationHandler {
  schema: OperationSchema;
  paging?: Paging;
  handle(ctx: RequestContext): Record<string, unknown>;
}

export interface ServiceHandler {
  /** The SigV4 signing name (credential scope): ec2, elasticloadbalancing, rds, s3… */
  signingName: string;
  /** The query API's Version, where two APIs share a signing name (ELB 2012-06-01, ELBv2 2015-12-01). */
  apiVersion?: string;
  /** The REST paths it answers, where two REST APIs share a signing name (S3 Control under "s3"). */
  pathPrefix?: string;
  protocol: Protocol;
  xmlNamespace: string;
  /** Global services serve the snapshot's "global" resources whatever the signing region. */
  global?: boolean;
  operations: Record<string, OperationHandler>;
}

/** Faults the endpoint injects, for retry and coverage tests. */
export type Fault =
  | { kind: "throttle"; service: string; operation?: string; times: number }
  | { kind: "server-error"; service: string; operation?: string; times: number }
  | { kind: "access-denied"; service: string; operation?: string }
  | { kind: "latency"; ms: number }
  | ChaosFault;

/** What a chaotic request can suffer (see ChaosFault). */
export const CHAOS_KINDS = ["throttle", "server-error", "reset", "timeout", "truncate"] as const;
export type ChaosKind = (typeof CHAOS_KINDS)[number];

/**
 * Seeded random faults: each request draws at most one of them with the given probabilities. The draw
 * is a hash of the seed, the request (service, account, region, method, URL, body) and how many times
 * that same request has arrived, not a random stream consumed in arrival order: concurrent scans send
 * their requests in a different order every run, and the same seed must still fault the same requests
 * (a retry is a new draw). The first chaos fault whose service matches a request applies.
 *
 * - throttle: the service's throttling error (as `throttle` above).
 * - server-error: a 500 or a 503, the service's InternalError / ServiceUnavailable.
 * - reset: the connection is closed before any byte of the response.
 * - timeout: the response is held for `stallMs`, before its headers or halfway through its body (`stallAt`;
 *   by default the hash chooses), so that the client's timeout must end the call; a client that waits that
 *   long gets the answer.
 * - truncate: the headers announce the whole body, half of it is sent, then the connection is closed.
 */
export interface ChaosFault {
  kind: "chaos";
  seed: string | number;
  /** A signing name (ec2, elasticloadbalancing, s3…); every service when absent. */
  service?: string;
  /** Probability of each fault per request, each from 0 to 1, together at most 1. */
  rates: Partial<Record<ChaosKind, number>>;
  /** How long a `timeout` holds its response (default 60 s: longer than any client timeout asbuilt sets). */
  stallMs?: number;
  /** Where a `timeout` holds its response: before the headers, or after half of the body. */
  stallAt?: "headers" | "body";
}
