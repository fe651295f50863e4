import type { HostedZone, ResourceRecordSet, Route53Client, Tag, VPC } from "@aws-sdk/client-route-53";
import pLimit from "p-limit";
import { arns } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, tagsOf } from "../util.ts";

export interface Route53Raw {
  zones: HostedZone[];
  /** Zone id (no "/hostedzone/") → its VPCs, from GetHostedZone; private zones only. */
  vpcs: Record<string, VPC[]>;
  /** Zone id → every record set of the zone. */
  records: Record<string, ResourceRecordSet[]>;
  /** Zone id → tags. */
  tags: Record<string, Tag[]>;
}

/** ListHostedZones' and ListResourceRecordSets' largest pages; ListTagsForResources' largest batch. */
const ZONES_PAGE = 100;
const RECORDS_PAGE = 300;
const TAG_BATCH = 10;

/** Calls one route53 task keeps in flight (its per-resource calls). */
const CONCURRENCY = 4;

export default defineService<Route53Raw>({
  service: "route53",
  global: true,
  concurrency: CONCURRENCY,
  operations: [
    { command: "ListHostedZones", iam: ["route53:ListHostedZones"] },
    { command: "GetHostedZone", iam: ["route53:GetHostedZone"] },
    { command: "ListResourceRecordSets", iam: ["route53:ListResourceRecordSets"] },
    { command: "ListTagsForResources", iam: ["route53:ListTagsForResources"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.Route53Client);
    const zones = await all(
      sdk.paginateListHostedZones({ client, pageSize: ZONES_PAGE }, { MaxItems: ZONES_PAGE }),
      (p) => p.HostedZones,
    );
    // Route 53 allows five requests per second per account: keep few in flight (the SDK retries throttling).
    const limit = pLimit(CONCURRENCY);
    const ids = zones.flatMap((z) => (z.Id ? [zoneIdOf(z.Id)] : []));
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += TAG_BATCH) batches.push(ids.slice(i, i + TAG_BATCH));
    const [vpcs, records, tagSets] = await Promise.all([
      // A private zone's VPCs are only in GetHostedZone. ListHostedZonesByVPC answers the reverse
      // question (one VPC id and region in, its zones out): it would need every VPC of every region and
      // one call per VPC, and would miss VPCs of other accounts. Public zones have no VPCs: no call.
      Promise.all(
        zones
          .filter((z) => z.Config?.PrivateZone && z.Id)
          .map((z) =>
            limit(async () => {
              const r = await client.send(new sdk.GetHostedZoneCommand({ Id: z.Id }));
              return [zoneIdOf(z.Id ?? ""), r.VPCs ?? []] as const;
            }),
          ),
      ),
      Promise.all(ids.map((id) => limit(async () => [id, await recordsOf(client, id)] as const))),
      Promise.all(
        batches.map((ResourceIds) =>
          limit(() =>
            client.send(new sdk.ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds })),
          ),
        ),
      ),
    ]);
    const tags: Record<string, Tag[]> = {};
    for (const out of tagSets)
      for (const s of out.ResourceTagSets ?? [])
        if (s.ResourceId) tags[zoneIdOf(s.ResourceId)] = s.Tags ?? [];
    return { zones, vpcs: Object.fromEntries(vpcs), records: Object.fromEntries(records), tags };
  },

  normalize: normalizeRoute53,
});

/**
 * ListResourceRecordSets pages by position: the next page starts at the (name, type, set identifier)
 * the previous one returned. The SDK has no paginator for it.
 */
async function recordsOf(client: Route53Client, HostedZoneId: string): Promise<ResourceRecordSet[]> {
  const sdk = await import("./sdk.ts");
  const out: ResourceRecordSet[] = [];
  let start: { name?: string; type?: ResourceRecordSet["Type"]; identifier?: string } = {};
  for (;;) {
    const page = await client.send(
      new sdk.ListResourceRecordSetsCommand({
        HostedZoneId,
        MaxItems: RECORDS_PAGE,
        StartRecordName: start.name,
        StartRecordType: start.type,
        StartRecordIdentifier: start.identifier,
      }),
    );
    out.push(...(page.ResourceRecordSets ?? []));
    if (!page.IsTruncated || !page.NextRecordName) return out;
    start = { name: page.NextRecordName, type: page.NextRecordType, identifier: page.NextRecordIdentifier };
  }
}

/** "/hostedzone/Z123" (as ListHostedZones writes it) → "Z123". */
export function zoneIdOf(id: string): string {
  return id.replace(/^\/?hostedzone\//, "");
}

/** Route 53 writes characters outside [a-z0-9-_.] as octal escapes ("\\052" for "*"); names here are readable. */
export function decodeDnsName(name: string): string {
  return name.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));
}

const withDot = (name: string) => (name.endsWith(".") ? name : `${name}.`);
const withoutDot = (name: string) => name.replace(/\.$/, "");

/** Pure: Route 53 API output → hosted zones and their record sets. */
export function normalizeRoute53(raw: Route53Raw, where: Where) {
  const out = new Collected();
  for (const z of raw.zones) {
    if (!z.Id || !z.Name) continue;
    const hostedZoneId = zoneIdOf(z.Id);
    const zoneName = withDot(decodeDnsName(z.Name));
    const tags = tagsOf(raw.tags[hostedZoneId]);
    const zoneArn = arns.hostedZone(hostedZoneId);
    out.add<ResourceOf<"AWS::Route53::HostedZone">>({
      id: zoneArn,
      type: "AWS::Route53::HostedZone",
      account: where.account,
      region: "global",
      name: nameOf(tags, withoutDot(zoneName)) ?? zoneName,
      tags,
      props: {
        hostedZoneId,
        zoneName,
        privateZone: z.Config?.PrivateZone ?? false,
        vpcIds: (raw.vpcs[hostedZoneId] ?? []).flatMap((v) => (v.VPCId ? [v.VPCId] : [])),
        // Route 53's count, which includes the zone's own SOA and NS records (left out below).
        recordCount: z.ResourceRecordSetCount ?? 0,
      },
    });
    for (const r of raw.records[hostedZoneId] ?? []) {
      if (!r.Name || !r.Type) continue;
      const recordName = withDot(decodeDnsName(r.Name));
      // The apex SOA and NS records come with every zone and are Route 53's, not the architecture's.
      if (recordName === zoneName && (r.Type === "SOA" || r.Type === "NS")) continue;
      const alias = r.AliasTarget;
      // Weighted, latency, failover… records share name and type: the set identifier tells them apart.
      const id = `${arns.recordSet(hostedZoneId, recordName, r.Type)}${r.SetIdentifier ? `/${r.SetIdentifier}` : ""}`;
      out.add<ResourceOf<"AWS::Route53::RecordSet">>({
        id,
        type: "AWS::Route53::RecordSet",
        account: where.account,
        region: "global",
        name: recordName,
        tags: {},
        parent: zoneArn,
        props: {
          hostedZoneId,
          recordName,
          recordType: r.Type,
          ttl: r.TTL ?? null,
          values: (r.ResourceRecords ?? []).flatMap((v) => (v.Value !== undefined ? [v.Value] : [])),
          aliasTarget: alias
            ? {
                // Route 53 answers fully qualified ("….elb.amazonaws.com."); the snapshot keeps host names.
                dnsName: withoutDot(alias.DNSName ?? ""),
                hostedZoneId: alias.HostedZoneId ?? "",
                evaluateTargetHealth: alias.EvaluateTargetHealth ?? false,
              }
            : null,
        },
      });
      out.edge(zoneArn, id, "contains");
    }
  }
  return out.result();
}
