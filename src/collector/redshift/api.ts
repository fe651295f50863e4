import type { Cluster, ClusterSubnetGroup } from "@aws-sdk/client-redshift";
import { ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

export interface RedshiftRaw {
  /** DescribeClusters: each cluster carries its own tags. */
  clusters: Cluster[];
  /** Where each cluster's subnets are: a cluster names only its subnet group. */
  subnetGroups: ClusterSubnetGroup[];
}

export const redshiftClusterArn = (region: string, account: string, id: string) =>
  `arn:aws:redshift:${region}:${account}:cluster:${id}`;

export default defineService<RedshiftRaw>({
  service: "redshift",
  global: false,
  operations: [
    { command: "DescribeClusters", iam: ["redshift:DescribeClusters"] },
    { command: "DescribeClusterSubnetGroups", iam: ["redshift:DescribeClusterSubnetGroups"] },
  ],

  async fetch(ctx) {
    const { RedshiftClient, paginateDescribeClusterSubnetGroups, paginateDescribeClusters } = await import(
      "./sdk.ts"
    );
    const client = ctx.client(RedshiftClient);
    // 100 is both operations' maximum page size.
    const page = { client, pageSize: 100 };
    const [clusters, subnetGroups] = await Promise.all([
      all(paginateDescribeClusters(page, {}), (p) => p.Clusters),
      all(paginateDescribeClusterSubnetGroups(page, {}), (p) => p.ClusterSubnetGroups),
    ]);
    return { clusters, subnetGroups };
  },

  normalize: normalizeRedshift,
});

/** Pure: DescribeClusters (+ subnet groups) → clusters placed in their VPC and subnets, with cluster → SG edges. */
export function normalizeRedshift(raw: RedshiftRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const groups = new Map(
    raw.subnetGroups.flatMap((g) =>
      g.ClusterSubnetGroupName ? [[g.ClusterSubnetGroupName, g] as const] : [],
    ),
  );
  for (const c of raw.clusters) {
    if (!c.ClusterIdentifier) continue;
    const id = redshiftClusterArn(region, account, c.ClusterIdentifier);
    const tags = tagsOf(c.Tags);
    const group = c.ClusterSubnetGroupName ? groups.get(c.ClusterSubnetGroupName) : undefined;
    const vpcId = c.VpcId || group?.VpcId || undefined;
    const sgs = (c.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    );
    out.add<ResourceOf<"AWS::Redshift::Cluster">>({
      id,
      type: "AWS::Redshift::Cluster",
      account,
      region,
      name: nameOf(tags, c.ClusterIdentifier) ?? c.ClusterIdentifier,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        clusterIdentifier: c.ClusterIdentifier,
        nodeType: c.NodeType ?? "",
        ...(c.NumberOfNodes !== undefined ? { numberOfNodes: c.NumberOfNodes } : {}),
        ...(c.PubliclyAccessible !== undefined ? { publiclyAccessible: c.PubliclyAccessible } : {}),
        ...(c.Encrypted !== undefined ? { encrypted: c.Encrypted } : {}),
        availabilityZone: orNull(c.AvailabilityZone),
        clusterSubnetGroupName: orNull(c.ClusterSubnetGroupName),
        vpcId: orNull(vpcId),
        subnetIds: (group?.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : [])),
        securityGroupIds: sgs,
        endpoint:
          c.Endpoint?.Address && c.Endpoint.Port !== undefined
            ? { address: c.Endpoint.Address, port: c.Endpoint.Port }
            : null,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}
