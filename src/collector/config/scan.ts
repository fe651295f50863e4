import {
  ConfigServiceClient,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from "@aws-sdk/client-config-service";
import pLimit from "p-limit";
import { type Coverage, Region } from "../../model/snapshot.ts";
import { assembleSnapshot } from "../assemble.ts";
import { CallLog, clientFactory, countingHttpHandler } from "../clients.ts";
import { classifyError } from "../errors.ts";
import type { AccountTarget, ScanOptions, ScanResult } from "../scan.ts";
import { SERVICES } from "../services.ts";
import type { ClientSettings, Operation } from "../types.ts";
import { configCoverage } from "./coverage.ts";
import { type ConfigItem, parseConfigItem } from "./item.ts";
import {
  CONFIG_SERVICES,
  configTypesOf,
  GENERIC_CONFIG_TYPES,
  normalizeConfigItems,
  withNotRecorded,
} from "./normalize.ts";

// AWS Config as a scan source (asbuilt scan --source config): the advanced query, per account × region or
// once through an aggregator, its results read as configuration items.

/** What a scan through AWS Config sends: part of the generated IAM policy. */
export const CONFIG_OPERATIONS: readonly Operation[] = [
  { command: "SelectResourceConfig", iam: ["config:SelectResourceConfig"] },
  { command: "SelectAggregateResourceConfig", iam: ["config:SelectAggregateResourceConfig"] },
];

/** Fields the conversion reads. `SELECT *` returns only the top-level scalars, so each is named. */
export const SELECT_FIELDS = [
  "resourceId",
  "resourceName",
  "resourceType",
  "arn",
  "accountId",
  "awsRegion",
  "configuration",
  "supplementaryConfiguration",
  "tags",
  "relationships",
  "configurationItemStatus",
  "configurationItemCaptureTime",
] as const;

/** Statuses of current resources (deleted and unrecorded ones are filtered here and again on reading). */
const CURRENT = ["OK", "ResourceDiscovered"];

/** The Config resource types a scan of these services asks for (all services: undefined). */
export function configResourceTypes(services?: readonly string[]): string[] {
  const wanted = services && services.length > 0 ? services : CONFIG_SERVICES;
  const types = wanted.flatMap((s) =>
    s === "tagging"
      ? [...GENERIC_CONFIG_TYPES]
      : // Route table associations are items of their own (reconcile.ts); the other association types
        // are read when a file has them but are not in the advanced query's schema, so not asked for.
        [...configTypesOf(s), ...(s === "ec2" ? ["AWS::EC2::SubnetRouteTableAssociation"] : [])],
  );
  return [...new Set(types)].sort();
}

/** The advanced query: named fields, current items of the given types. At most 4096 characters. */
export function configQuery(types: readonly string[]): string {
  const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");
  return `SELECT ${SELECT_FIELDS.join(", ")} WHERE resourceType IN (${list(types)}) AND configurationItemStatus IN (${list(CURRENT)})`;
}

/** SelectResourceConfig / SelectAggregateResourceConfig's largest page. */
const LIMIT = 100;

/** Runs the query, following NextToken; the results are JSON strings, one configuration item each. */
export async function selectConfigItems(
  client: ConfigServiceClient,
  expression: string,
  aggregator?: string,
): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = aggregator
      ? await client.send(
          new SelectAggregateResourceConfigCommand({
            ConfigurationAggregatorName: aggregator,
            Expression: expression,
            Limit: LIMIT,
            NextToken: token,
          }),
        )
      : await client.send(
          new SelectResourceConfigCommand({ Expression: expression, Limit: LIMIT, NextToken: token }),
        );
    out.push(...(page.Results ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

export interface ConfigScanOptions extends ScanOptions {
  /** Query this aggregator once (from homeRegion, with the first target's credentials) instead of each account × region. */
  aggregator?: string;
  homeRegion: string;
}

export interface ConfigScanResult extends ScanResult {
  /** Items that could not become resources, one line each (see normalizeConfigItems). */
  skipped: string[];
}

/** A scan whose data comes from AWS Config's advanced query: same snapshot shape, coverage per account × region. */
export async function scanConfig(opts: ConfigScanOptions): Promise<ConfigScanResult> {
  const started = performance.now();
  const log = new CallLog();
  const http = countingHttpHandler(log);
  const expression = configQuery(configResourceTypes(opts.services));
  const coverage: Coverage[] = [...(opts.coverage ?? [])];
  const items: ConfigItem[] = [];
  const malformed: string[] = [];
  const settingsFor = (region: string, target: AccountTarget | undefined): ClientSettings => ({
    region,
    ...(target?.credentials ? { credentials: target.credentials } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.retryStrategy
      ? { retryStrategy: opts.retryStrategy }
      : { retryMode: "adaptive" as const, maxAttempts: opts.maxAttempts ?? 8 }),
  });
  const read = (results: string[]) => {
    for (const r of results) {
      const item = parseConfigItem(r);
      if ("error" in item) malformed.push(item.error);
      else items.push(item);
    }
  };

  const tasks = opts.aggregator
    ? [{ target: opts.targets[0], region: opts.homeRegion }]
    : opts.targets.flatMap((target) => target.regions.map((region) => ({ target, region })));
  const limit = pLimit(opts.concurrency ?? 16);
  let done = 0;
  await Promise.all(
    tasks.map((t) =>
      limit(async () => {
        const client = clientFactory(settingsFor(t.region, t.target), log, http.handler)(ConfigServiceClient);
        const account = t.target?.account ?? "000000000000";
        try {
          const before = items.length;
          read(await selectConfigItems(client, expression, opts.aggregator));
          coverage.push({ account, region: t.region, service: "config", status: "scanned" });
          if (opts.aggregator) {
            // The aggregator answered for these accounts and regions.
            const seen = new Set(items.slice(before).map((i) => `${i.accountId}/${i.awsRegion}`));
            seen.delete(`${account}/${t.region}`);
            for (const k of seen) {
              const [a = "", r = ""] = k.split("/");
              if (/^\d{12}$/.test(a) && Region.safeParse(r).success)
                coverage.push({ account: a, region: r, service: "config", status: "scanned" });
            }
          }
        } catch (err) {
          coverage.push({ account, region: t.region, service: "config", ...classifyError(err) });
        } finally {
          client.destroy();
          done++;
          opts.onTaskDone?.(done, tasks.length, `config ${account}/${t.region}`);
        }
      }),
    ),
  );
  http.close();

  const converted = normalizeConfigItems(items);
  const accounts = opts.aggregator
    ? [
        ...new Set([
          ...converted.places.map((p) => p.account),
          ...opts.targets.slice(0, 1).map((t) => t.account),
        ]),
      ]
    : opts.targets.map((t) => t.account);
  const regions = opts.aggregator
    ? converted.places.map((p) => p.region)
    : opts.targets.flatMap((t) => t.regions);
  // Services a live scan reads that this source cannot: gaps, so that reports say the picture lacks them.
  if (!opts.services || opts.services.length === 0)
    for (const m of SERVICES.filter((x) => !CONFIG_SERVICES.includes(x.service)))
      for (const account of accounts)
        for (const region of m.global ? ["global"] : [...new Set(regions)])
          coverage.push({
            account,
            region,
            service: m.service,
            status: "skipped",
            error: `asbuilt does not read ${m.service} from AWS Config; scan it with --source live --services ${m.service}`,
          });
  coverage.push(
    ...configCoverage(coverage, {
      services: opts.services,
      aggregator: opts.aggregator !== undefined,
      resources: converted.resources,
    }),
  );
  const { snapshot, droppedEdges } = assembleSnapshot({
    resources: converted.resources,
    edges: converted.edges,
    coverage: withNotRecorded(coverage, converted.notRecorded),
    notes: converted.notes,
    accounts,
    regions: regions.filter((r) => r !== "global"),
    source: opts.aggregator ? `aws-config:${opts.aggregator}` : "aws-config",
    scannedAt: opts.now?.() ?? new Date(),
    notEvaluated: converted.notEvaluated,
  });
  return {
    snapshot,
    log,
    seconds: (performance.now() - started) / 1000,
    droppedEdges,
    skipped: [...malformed.map((m) => `a query result ${m}`), ...converted.skipped],
  };
}
