import type { FileSystemDescription, MountTargetDescription } from "@aws-sdk/client-efs";
import pLimit from "p-limit";
import { arns, ec2Arn } from "../../model/arn.ts";
import type { ResourceOf } from "../../model/snapshot.ts";
import { defineService, type Where } from "../types.ts";
import { all, Collected, nameOf, orNull, tagsOf } from "../util.ts";

export interface EfsRaw {
  fileSystems: FileSystemDescription[];
  /** Mount targets, asked for per file system (DescribeMountTargets). */
  mountTargets: MountTargetDescription[];
  /** Mount target id → its security groups (DescribeMountTargetSecurityGroups); absent: not read. */
  securityGroups: Record<string, string[]>;
}

const op = (command: string) => ({ command, iam: [`elasticfilesystem:${command}`] });
const CONCURRENCY = 8;

export default defineService<EfsRaw>({
  service: "efs",
  global: false,
  concurrency: CONCURRENCY,
  operations: [
    op("DescribeFileSystems"),
    op("DescribeMountTargets"),
    op("DescribeMountTargetSecurityGroups"),
  ],

  async fetch(ctx) {
    const sdk = await import("./sdk.ts");
    const client = ctx.client(sdk.EFSClient);
    const limit = pLimit(CONCURRENCY);
    // 100 is DescribeFileSystems' and DescribeMountTargets' largest page. Tags come with each file system.
    const fileSystems = await all(
      sdk.paginateDescribeFileSystems({ client, pageSize: 100 }, {}),
      (p) => p.FileSystems,
    );
    const ids = fileSystems.flatMap((f) => (f.FileSystemId ? [f.FileSystemId] : []));
    const mountTargets = (
      await Promise.all(
        ids.map((FileSystemId) =>
          limit(() =>
            all(
              sdk.paginateDescribeMountTargets({ client, pageSize: 100 }, { FileSystemId }),
              (p) => p.MountTargets,
            ),
          ),
        ),
      )
    ).flat();
    // The mount target's groups decide who reaches NFS (2049); only this per-target call names them.
    const groups = await Promise.all(
      mountTargets.flatMap((m) =>
        m.MountTargetId
          ? [
              limit(async () => {
                const out = await client.send(
                  new sdk.DescribeMountTargetSecurityGroupsCommand({ MountTargetId: m.MountTargetId }),
                );
                return [m.MountTargetId ?? "", out.SecurityGroups ?? []] as const;
              }),
            ]
          : [],
      ),
    );
    return { fileSystems, mountTargets, securityGroups: Object.fromEntries(groups) };
  },

  normalize: normalizeEfs,
});

/** Pure: DescribeFileSystems, DescribeMountTargets (+ their groups) → file systems and mount targets. */
export function normalizeEfs(raw: EfsRaw, where: Where) {
  const { account, region } = where;
  const out = new Collected();
  const fsArn = new Map<string, string>();
  for (const f of raw.fileSystems) {
    if (!f.FileSystemId) continue;
    // Responses from before 2020 carry no FileSystemArn; the ARN is built as IAM documents it.
    const id = f.FileSystemArn ?? arns.efsFileSystem(region, account, f.FileSystemId);
    fsArn.set(f.FileSystemId, id);
    const tags = tagsOf(f.Tags);
    out.add<ResourceOf<"AWS::EFS::FileSystem">>({
      id,
      type: "AWS::EFS::FileSystem",
      account,
      region,
      name: nameOf(tags, f.Name) ?? f.FileSystemId,
      tags,
      props: {
        fileSystemId: f.FileSystemId,
        ...(f.Encrypted !== undefined ? { encrypted: f.Encrypted } : {}),
        kmsKeyId: orNull(f.KmsKeyId),
        ...(f.PerformanceMode !== undefined ? { performanceMode: f.PerformanceMode } : {}),
        ...(f.ThroughputMode !== undefined ? { throughputMode: f.ThroughputMode } : {}),
        ...(f.LifeCycleState !== undefined ? { lifeCycleState: f.LifeCycleState } : {}),
        ...(f.NumberOfMountTargets !== undefined ? { numberOfMountTargets: f.NumberOfMountTargets } : {}),
      },
    });
  }
  for (const m of raw.mountTargets) {
    if (!m.MountTargetId || !m.FileSystemId || !m.SubnetId) continue;
    const id = arns.efsMountTarget(region, account, m.MountTargetId);
    const groups = raw.securityGroups[m.MountTargetId];
    out.add<ResourceOf<"AWS::EFS::MountTarget">>({
      id,
      type: "AWS::EFS::MountTarget",
      account,
      region,
      name: m.MountTargetId,
      tags: {},
      parent: ec2Arn(region, account, "subnet", m.SubnetId),
      props: {
        mountTargetId: m.MountTargetId,
        fileSystemId: m.FileSystemId,
        vpcId: orNull(m.VpcId),
        subnetId: m.SubnetId,
        availabilityZone: orNull(m.AvailabilityZoneName),
        ipAddress: orNull(m.IpAddress),
        networkInterfaceId: orNull(m.NetworkInterfaceId),
        ...(groups !== undefined ? { securityGroupIds: groups } : {}),
      },
    });
    out.edge(
      id,
      fsArn.get(m.FileSystemId) ?? arns.efsFileSystem(region, account, m.FileSystemId),
      "attached",
    );
    for (const g of groups ?? []) out.edge(id, ec2Arn(region, account, "security-group", g), "uses");
    if (m.NetworkInterfaceId)
      out.edge(ec2Arn(region, account, "network-interface", m.NetworkInterfaceId), id, "attached");
  }
  return out.result();
}
