import type { DomainStatus } from "@aws-sdk/client-opensearch";
import type { ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import { ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

export interface OpenSearchRaw {
  /** DescribeDomains answers: OpenSearch and Elasticsearch domains alike (the OpenSearch API lists both). */
  domains: DomainStatus[];
  /** Tags of the region's domains from the Resource Groups Tagging API (DescribeDomains has none). */
  tags: ResourceTagMapping[];
}

export const domainArn = (region: string, account: string, name: string) =>
  `arn:aws:es:${region}:${account}:domain/${name}`;

/** DescribeDomains' limit of names per call. */
const BATCH = 5;

export default defineService<OpenSearchRaw>({
  service: "opensearch",
  global: false,
  operations: [
    { command: "ListDomainNames", iam: ["es:ListDomainNames"] },
    { command: "DescribeDomains", iam: ["es:DescribeDomains"] },
    { command: "GetResources", iam: ["tag:GetResources"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.OpenSearchClient);
    const tagging = ctx.client(sdk.ResourceGroupsTaggingAPIClient);
    const [names, tags] = await Promise.all([
      // ListDomainNames is not paginated: one answer lists every domain of the region.
      client
        .send(new sdk.ListDomainNamesCommand({}))
        .then((r) => (r.DomainNames ?? []).flatMap((d) => (d.DomainName ? [d.DomainName] : []))),
      all(
        sdk.paginateGetResources({ client: tagging, pageSize: 100 }, { ResourceTypeFilters: ["es:domain"] }),
        (p) => p.ResourceTagMappingList,
      ),
    ]);
    const domains: DomainStatus[] = [];
    for (let i = 0; i < names.length; i += BATCH) {
      const r = await client.send(new sdk.DescribeDomainsCommand({ DomainNames: names.slice(i, i + BATCH) }));
      domains.push(...(r.DomainStatusList ?? []));
    }
    return { domains, tags };
  },

  normalize: normalizeOpenSearch,
});

/** What a resource policy's anonymous statements allow: open (to anyone, unconditionally) and their conditions. */
export function anonymousAccess(policy: string): { open: boolean; conditions: string[] } | undefined {
  // An empty policy grants nothing: only identity-based policies of the account's own principals apply.
  if (policy.trim() === "") return { open: false, conditions: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return undefined;
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = (Array.isArray(statements) ? statements : statements ? [statements] : []) as {
    Effect?: string;
    Principal?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
  }[];
  const anyone = (p: unknown): boolean => {
    if (p === "*") return true;
    if (p && typeof p === "object") {
      const aws = (p as { AWS?: unknown }).AWS;
      return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
    }
    return false;
  };
  const unconditional = (s: { Condition?: object }) => !s.Condition || Object.keys(s.Condition).length === 0;
  const anon = list.filter((s) => anyone(s.Principal));
  const deniedToAll = anon.some((s) => s.Effect === "Deny" && unconditional(s));
  const allows = anon.filter((s) => s.Effect === "Allow");
  const conditions = [
    ...new Set(allows.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c)))),
  ].sort();
  return { open: !deniedToAll && allows.some(unconditional), conditions };
}

/** Pure: DescribeDomains (+ tags) → domains, in their VPC subnets when they have VPCOptions, domain → SG edges. */
export function normalizeOpenSearch(raw: OpenSearchRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const tagsByArn = new Map(
    raw.tags.flatMap((t) => (t.ResourceARN ? [[t.ResourceARN, tagsOf(t.Tags)] as const] : [])),
  );
  const seen = new Set<string>();
  for (const d of raw.domains) {
    if (!d.DomainName || d.Deleted) continue;
    const id = d.ARN ?? domainArn(region, account, d.DomainName);
    // AWS Config may record one domain under both AWS::OpenSearch::Domain and AWS::Elasticsearch::Domain.
    if (seen.has(id)) continue;
    seen.add(id);
    const tags = tagsByArn.get(id) ?? {};
    const vpc = d.VPCOptions;
    const vpcId = vpc?.VPCId || undefined;
    const endpoints = [...(d.Endpoint ? [d.Endpoint] : []), ...Object.values(d.Endpoints ?? {})];
    // VPCOptions (or a "vpc" endpoint) places the domain in a VPC; a plain Endpoint without them is public.
    const inVpc = vpc !== undefined || d.Endpoints?.vpc !== undefined;
    const publicEndpoint = inVpc ? false : d.Endpoint ? true : undefined;
    const access = d.AccessPolicies !== undefined ? anonymousAccess(d.AccessPolicies) : undefined;
    const sgs = vpc?.SecurityGroupIds ?? [];
    out.add<ResourceOf<"AWS::OpenSearch::Domain">>({
      id,
      type: "AWS::OpenSearch::Domain",
      account,
      region,
      name: nameOf(tags, d.DomainName) ?? d.DomainName,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        domainName: d.DomainName,
        ...(d.EngineVersion ? { engineVersion: d.EngineVersion } : {}),
        ...(publicEndpoint !== undefined ? { publicEndpoint } : {}),
        vpcId: vpcId ?? null,
        subnetIds: vpc?.SubnetIds ?? [],
        securityGroupIds: sgs,
        endpoints,
        ...(access ? { accessPolicyOpen: access.open, accessPolicyConditions: access.conditions } : {}),
        ...(d.EncryptionAtRestOptions?.Enabled !== undefined
          ? { encryptionAtRest: d.EncryptionAtRestOptions.Enabled }
          : {}),
        ...(d.NodeToNodeEncryptionOptions?.Enabled !== undefined
          ? { nodeToNodeEncryption: d.NodeToNodeEncryptionOptions.Enabled }
          : {}),
        ...(d.DomainEndpointOptions?.EnforceHTTPS !== undefined
          ? { enforceHttps: d.DomainEndpointOptions.EnforceHTTPS }
          : {}),
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}
