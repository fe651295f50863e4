import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from "@smithy/types";
import type { Edge, Resource } from "../model/snapshot.ts";
import type { ConfigReader } from "./config/reader.ts";
import type { DumpReader } from "./import/dump.ts";

/** One SDK operation a service module may send, with the IAM actions it needs (the policy is generated from these). */
export interface Operation {
  /** SDK command name without the "Command" suffix: "DescribeVpcs". */
  command: string;
  /** IAM actions, e.g. ["ec2:DescribeVpcs"]. Always List/Describe/Get/Select: a test enforces it. */
  iam: string[];
}

/** What every SDK client of a scan is built with. */
export interface ClientSettings {
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts?: number;
  retryMode?: "standard" | "adaptive";
  retryStrategy?: RetryStrategyV2;
  /** Path-style S3 addressing, needed for --endpoint-url. */
  forcePathStyle?: boolean;
}

export interface FetchContext {
  account: string;
  /** The region whose API is called (us-east-1 for global services). */
  region: string;
  settings: ClientSettings;
  /**
   * Builds an SDK client with the scan's settings and a middleware that counts calls and records
   * which commands were sent (proof that only declared operations are used).
   */
  client<C extends SdkClient>(
    ctor: new (config: ClientSettings & { requestHandler: NodeHttpHandler }) => C,
  ): C;
}

/** The part of an SDK client the collector relies on (any @aws-sdk/client-* client). */
export interface SdkClient {
  middlewareStack: { add: (...args: never[]) => void };
  destroy(): void;
}

export interface Normalized {
  resources: Resource[];
  edges: Edge[];
}

export interface Where {
  account: string;
  /** The region of the results: the scanned region, or "global". */
  region: string;
}

/**
 * One AWS service: `fetch` does SDK calls and pagination only; `normalize` is pure (recorded responses in,
 * resources and edges out) and is what the tests exercise without any network.
 */
export interface ServiceModule<Raw> {
  /** Coverage and --services name: "ec2", "elbv2", "s3"… */
  service: string;
  /** Global services are scanned once per account, from us-east-1, and their resources have region "global". */
  global: boolean;
  /**
   * The most calls one task of this module (one account × region) keeps in flight for its per-resource
   * calls; 1 when it has none. Benchmarks use it to compute the scan's latency floor.
   */
  concurrency?: number;
  operations: readonly Operation[];
  /**
   * Takes the SDK client, commands and paginators it sends from the service's sdk.ts, imported inside
   * fetch (`await import("./sdk.ts")`), never at the top of api.ts: importing dumps and AWS Config files
   * reads the SDK's shape schemas only, and the clients' code (endpoint rules, runtime config, protocols) was
   * a third of what `asbuilt import` compiled at start-up.
   */
  fetch(ctx: FetchContext): Promise<Raw>;
  normalize(raw: Raw, where: Where): Normalized;
}

export function defineService<Raw>(m: ServiceModule<Raw>): ServiceModule<Raw> {
  return m;
}

/**
 * Everything asbuilt reads of one AWS service, in its folder (src/collector/<service>/): the API module, and
 * where the service can come from offline, its AWS Config reader and its AWS CLI dump reader. All three feed
 * the API module's normalize function, so there is one conversion to the model per service.
 */
export interface ServiceSources {
  api: ServiceModule<unknown>;
  config?: ConfigReader<unknown>;
  dump?: DumpReader<unknown>;
}

export function defineSources<Raw>(s: {
  api: ServiceModule<Raw>;
  config?: ConfigReader<unknown>;
  dump?: DumpReader<unknown>;
}): ServiceSources {
  return s as unknown as ServiceSources;
}
