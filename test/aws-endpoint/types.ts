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
  | { kind: "latency"; ms: number };
