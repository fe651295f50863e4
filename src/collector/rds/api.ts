import type { DBCluster, DBInstance, DBProxy, DBProxyTarget } from "@aws-sdk/client-rds";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

export interface RdsRaw {
  instances: DBInstance[];
  clusters: DBCluster[];
  proxies: DBProxy[];
  /** Proxy name → its targets. */
  proxyTargets: Record<string, DBProxyTarget[]>;
}

const op = (command: string) => ({ command, iam: [`rds:${command}`] });

export default defineService<RdsRaw>({
  service: "rds",
  global: false,
  operations: [
    op("DescribeDBInstances"),
    op("DescribeDBClusters"),
    op("DescribeDBProxies"),
    op("DescribeDBProxyTargets"),
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.RDSClient);
    const page = { client, pageSize: 100 };
    const [instances, clusters, proxies] = await Promise.all([
      all(sdk.paginateDescribeDBInstances(page, {}), (p) => p.DBInstances),
      all(sdk.paginateDescribeDBClusters(page, {}), (p) => p.DBClusters),
      all(sdk.paginateDescribeDBProxies(page, {}), (p) => p.DBProxies),
    ]);
    // A proxy's targets have no account-wide list: one call per proxy.
    const targets = await Promise.all(
      proxies.map(
        async (p) =>
          [
            p.DBProxyName ?? "",
            await all(
              sdk.paginateDescribeDBProxyTargets(page, { DBProxyName: p.DBProxyName }),
              (x) => x.Targets,
            ),
          ] as const,
      ),
    );
    return { instances, clusters, proxies, proxyTargets: Object.fromEntries(targets) };
  },

  normalize: normalizeRds,
});

export function normalizeRds(raw: RdsRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const vpc = (id: string | undefined) => (id ? ec2Arn(region, account, "vpc", id) : undefined);
  for (const db of raw.instances) {
    if (!db.DBInstanceIdentifier) continue;
    const id = db.DBInstanceArn ?? arns.rdsInstance(region, account, db.DBInstanceIdentifier);
    const tags = tagsOf(db.TagList);
    const vpcId = db.DBSubnetGroup?.VpcId;
    const sgs = (db.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    );
    const parent = vpc(vpcId);
    out.add<ResourceOf<"AWS::RDS::DBInstance">>({
      id,
      type: "AWS::RDS::DBInstance",
      account,
      region,
      name: nameOf(tags, db.DBInstanceIdentifier) ?? db.DBInstanceIdentifier,
      tags,
      ...(parent ? { parent } : {}),
      props: {
        dbInstanceIdentifier: db.DBInstanceIdentifier,
        engine: db.Engine ?? "",
        engineVersion: db.EngineVersion ?? "",
        instanceClass: db.DBInstanceClass ?? "",
        dbClusterIdentifier: orNull(db.DBClusterIdentifier),
        publiclyAccessible: db.PubliclyAccessible,
        multiAz: db.MultiAZ,
        storageEncrypted: db.StorageEncrypted,
        availabilityZone: orNull(db.AvailabilityZone),
        vpcId: orNull(vpcId),
        subnetIds: (db.DBSubnetGroup?.Subnets ?? []).flatMap((s) =>
          s.SubnetIdentifier ? [s.SubnetIdentifier] : [],
        ),
        securityGroupIds: sgs,
        endpoint: db.Endpoint?.Address ? { address: db.Endpoint.Address, port: db.Endpoint.Port ?? 0 } : null,
        backupRetentionPeriod: db.BackupRetentionPeriod,
        deletionProtection: db.DeletionProtection,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
  }
  for (const c of raw.clusters) {
    if (!c.DBClusterIdentifier) continue;
    const id = c.DBClusterArn ?? arns.rdsCluster(region, account, c.DBClusterIdentifier);
    const tags = tagsOf(c.TagList);
    const sgs = (c.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    );
    // A cluster names its subnet group, not its VPC: take the VPC of a member instance.
    const member = raw.instances.find((i) => i.DBClusterIdentifier === c.DBClusterIdentifier);
    const vpcId = member?.DBSubnetGroup?.VpcId;
    const parent = vpc(vpcId);
    out.add<ResourceOf<"AWS::RDS::DBCluster">>({
      id,
      type: "AWS::RDS::DBCluster",
      account,
      region,
      name: nameOf(tags, c.DBClusterIdentifier) ?? c.DBClusterIdentifier,
      tags,
      ...(parent ? { parent } : {}),
      props: {
        dbClusterIdentifier: c.DBClusterIdentifier,
        engine: c.Engine ?? "",
        engineVersion: c.EngineVersion ?? "",
        multiAz: c.MultiAZ,
        storageEncrypted: c.StorageEncrypted,
        publiclyAccessible: orNull(c.PubliclyAccessible),
        availabilityZones: c.AvailabilityZones ?? [],
        vpcId: orNull(vpcId),
        subnetIds: (member?.DBSubnetGroup?.Subnets ?? []).flatMap((s) =>
          s.SubnetIdentifier ? [s.SubnetIdentifier] : [],
        ),
        securityGroupIds: sgs,
        endpoint: c.Endpoint ? { address: c.Endpoint, port: c.Port ?? 0 } : null,
        memberInstanceIds: (c.DBClusterMembers ?? []).flatMap((m) =>
          m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [],
        ),
        backupRetentionPeriod: c.BackupRetentionPeriod,
        deletionProtection: c.DeletionProtection,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
    for (const m of c.DBClusterMembers ?? [])
      if (m.DBInstanceIdentifier)
        out.edge(id, arns.rdsInstance(region, account, m.DBInstanceIdentifier), "contains");
  }
  for (const p of raw.proxies) {
    if (!p.DBProxyName || !p.VpcId) continue;
    const id = p.DBProxyArn ?? arns.rdsProxy(region, account, p.DBProxyName);
    const sgs = p.VpcSecurityGroupIds ?? [];
    const targets = (raw.proxyTargets[p.DBProxyName] ?? []).flatMap((t) =>
      t.RdsResourceId && (t.Type === "RDS_INSTANCE" || t.Type === undefined) ? [t.RdsResourceId] : [],
    );
    out.add<ResourceOf<"AWS::RDS::DBProxy">>({
      id,
      type: "AWS::RDS::DBProxy",
      account,
      region,
      name: p.DBProxyName,
      tags: {},
      parent: ec2Arn(region, account, "vpc", p.VpcId),
      props: {
        dbProxyName: p.DBProxyName,
        engineFamily: p.EngineFamily ?? "",
        requireTls: p.RequireTLS ?? false,
        vpcId: p.VpcId,
        subnetIds: p.VpcSubnetIds ?? [],
        securityGroupIds: sgs,
        endpoint: orNull(p.Endpoint),
        targetIds: targets,
      },
    });
    for (const g of sgs) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
    for (const t of targets) out.edge(id, arns.rdsInstance(region, account, t), "targets");
  }
  return out.result();
}
