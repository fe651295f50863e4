import type { Cluster } from "@aws-sdk/client-eks";
import pLimit from "p-limit";
import { ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf } from "../util.ts";

export interface EksRaw {
  /** One DescribeCluster answer per cluster ListClusters named (each carries its tags). */
  clusters: Cluster[];
}

export const eksClusterArn = (region: string, account: string, name: string) =>
  `arn:aws:eks:${region}:${account}:cluster/${name}`;

const CONCURRENCY = 4;

export default defineService<EksRaw>({
  service: "eks",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    { command: "ListClusters", iam: ["eks:ListClusters"] },
    { command: "DescribeCluster", iam: ["eks:DescribeCluster"] },
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.EKSClient);
    // 100 is ListClusters' maximum page size; DescribeCluster is one call per cluster.
    const names = await all(sdk.paginateListClusters({ client, pageSize: 100 }, {}), (p) => p.clusters);
    const limit = pLimit(CONCURRENCY);
    const clusters = await Promise.all(
      names.map((name) =>
        limit(async () => (await client.send(new sdk.DescribeClusterCommand({ name }))).cluster),
      ),
    );
    return { clusters: clusters.filter((c): c is Cluster => c !== undefined) };
  },

  normalize: normalizeEks,
});

/** Pure: DescribeCluster answers → clusters in their VPC and subnets, cluster → security group edges. */
export function normalizeEks(raw: EksRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  for (const c of raw.clusters) {
    if (!c.name) continue;
    const id = c.arn ?? eksClusterArn(region, account, c.name);
    const tags = { ...(c.tags ?? {}) };
    const v = c.resourcesVpcConfig;
    const vpcId = v?.vpcId || undefined;
    const sgs = [
      ...new Set([
        ...(v?.clusterSecurityGroupId ? [v.clusterSecurityGroupId] : []),
        ...(v?.securityGroupIds ?? []),
      ]),
    ];
    out.add<ResourceOf<"AWS::EKS::Cluster">>({
      id,
      type: "AWS::EKS::Cluster",
      account,
      region,
      name: nameOf(tags, c.name) ?? c.name,
      tags,
      ...(vpcId ? { parent: ec2Arn(region, account, "vpc", vpcId) } : {}),
      props: {
        name: c.name,
        ...(c.version !== undefined ? { version: c.version } : {}),
        endpoint: c.endpoint ?? null,
        vpcId: vpcId ?? null,
        subnetIds: v?.subnetIds ?? [],
        securityGroupIds: sgs,
        ...(v?.endpointPublicAccess !== undefined ? { endpointPublicAccess: v.endpointPublicAccess } : {}),
        ...(v?.endpointPrivateAccess !== undefined ? { endpointPrivateAccess: v.endpointPrivateAccess } : {}),
        ...(v?.publicAccessCidrs !== undefined ? { publicAccessCidrs: v.publicAccessCidrs } : {}),
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  return out.result();
}
