import type { CacheCluster, CacheSubnetGroup, ReplicationGroup } from "@aws-sdk/client-elasticache";
import type { ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, oneOf, orNull, tagsOf } from "../util.ts";

export interface ElastiCacheRaw {
  clusters: CacheCluster[];
  replicationGroups: ReplicationGroup[];
  subnetGroups: CacheSubnetGroup[];
  /** From the Resource Groups Tagging API: one paginated call instead of a ListTagsForResource per cache. */
  tags: ResourceTagMapping[];
}

export default defineService<ElastiCacheRaw>({
  service: "elasticache",
  global: false,
  operations: [
    { command: "DescribeCacheClusters", iam: ["elasticache:DescribeCacheClusters"] },
    { command: "DescribeReplicationGroups", iam: ["elasticache:DescribeReplicationGroups"] },
    { command: "DescribeCacheSubnetGroups", iam: ["elasticache:DescribeCacheSubnetGroups"] },
    { command: "GetResources", iam: ["tag:GetResources"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.ElastiCacheClient);
    const tagging = ctx.client(sdk.ResourceGroupsTaggingAPIClient);
    const page = { client, pageSize: 100 };
    const [clusters, replicationGroups, subnetGroups, tags] = await Promise.all([
      all(sdk.paginateDescribeCacheClusters(page, { ShowCacheNodeInfo: true }), (p) => p.CacheClusters),
      all(sdk.paginateDescribeReplicationGroups(page, {}), (p) => p.ReplicationGroups),
      all(sdk.paginateDescribeCacheSubnetGroups(page, {}), (p) => p.CacheSubnetGroups),
      all(
        sdk.paginateGetResources(
          { client: tagging, pageSize: 100 },
          { ResourceTypeFilters: ["elasticache:cluster", "elasticache:replicationgroup"] },
        ),
        (p) => p.ResourceTagMappingList,
      ),
    ]);
    return { clusters, replicationGroups, subnetGroups, tags };
  },

  normalize: normalizeElastiCache,
});

export function normalizeElastiCache(raw: ElastiCacheRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const tagsByArn = new Map(
    raw.tags.flatMap((t) => (t.ResourceARN ? [[t.ResourceARN, tagsOf(t.Tags)] as const] : [])),
  );
  const groups = new Map(
    raw.subnetGroups.flatMap((g) => (g.CacheSubnetGroupName ? [[g.CacheSubnetGroupName, g] as const] : [])),
  );
  const vpcOfCluster = new Map<string, string>();
  for (const c of raw.clusters) {
    if (!c.CacheClusterId) continue;
    const id = c.ARN ?? arns.cacheCluster(region, account, c.CacheClusterId);
    const tags = tagsByArn.get(id) ?? {};
    const group = c.CacheSubnetGroupName ? groups.get(c.CacheSubnetGroupName) : undefined;
    const vpcId = group?.VpcId;
    if (vpcId) vpcOfCluster.set(c.CacheClusterId, vpcId);
    const sgs = (c.SecurityGroups ?? []).flatMap((g) => (g.SecurityGroupId ? [g.SecurityGroupId] : []));
    out.add<ResourceOf<"AWS::ElastiCache::CacheCluster">>({
      id,
      type: "AWS::ElastiCache::CacheCluster",
      account,
      region,
      name: nameOf(tags, c.CacheClusterId) ?? c.CacheClusterId,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        cacheClusterId: c.CacheClusterId,
        engine: c.Engine ?? "",
        engineVersion: c.EngineVersion ?? "",
        cacheNodeType: c.CacheNodeType ?? "",
        numCacheNodes: c.NumCacheNodes ?? 0,
        replicationGroupId: orNull(c.ReplicationGroupId),
        preferredAvailabilityZone: orNull(c.PreferredAvailabilityZone),
        vpcId: orNull(vpcId),
        subnetIds: (group?.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : [])),
        securityGroupIds: sgs,
        port: orNull(c.ConfigurationEndpoint?.Port ?? c.CacheNodes?.[0]?.Endpoint?.Port),
        atRestEncryptionEnabled: c.AtRestEncryptionEnabled,
        transitEncryptionEnabled: c.TransitEncryptionEnabled,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  for (const g of raw.replicationGroups) {
    if (!g.ReplicationGroupId) continue;
    const id = g.ARN ?? arns.replicationGroup(region, account, g.ReplicationGroupId);
    const tags = tagsByArn.get(id) ?? {};
    const members = g.MemberClusters ?? [];
    const vpcId = members.map((m) => vpcOfCluster.get(m)).find((v) => v !== undefined);
    out.add<ResourceOf<"AWS::ElastiCache::ReplicationGroup">>({
      id,
      type: "AWS::ElastiCache::ReplicationGroup",
      account,
      region,
      name: nameOf(tags, g.ReplicationGroupId) ?? g.ReplicationGroupId,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        replicationGroupId: g.ReplicationGroupId,
        description: g.Description ?? "",
        memberClusterIds: members,
        automaticFailover: oneOf(g.AutomaticFailover, [
          "enabled",
          "disabled",
          "enabling",
          "disabling",
        ] as const),
        multiAz: g.MultiAZ === undefined ? undefined : g.MultiAZ === "enabled",
        atRestEncryptionEnabled: g.AtRestEncryptionEnabled,
        transitEncryptionEnabled: g.TransitEncryptionEnabled,
        port: orNull(g.NodeGroups?.[0]?.PrimaryEndpoint?.Port ?? g.ConfigurationEndpoint?.Port),
      },
    });
    for (const m of members) out.edge(id, arns.cacheCluster(region, account, m), "contains");
  }
  return out.result();
}
