import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ElastiCacheRaw, normalizeElastiCache } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

describe("normalizeElastiCache on recorded responses", () => {
  it("places clusters through their subnet group, reads ports from either endpoint, tags from the Tagging API", () => {
    const raw: ElastiCacheRaw = {
      clusters: recorded<{ CacheClusters: ElastiCacheRaw["clusters"] }>("DescribeCacheClusters_1")
        .CacheClusters,
      replicationGroups: [
        {
          ReplicationGroupId: "redis",
          ARN: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:redis",
          MemberClusters: ["redis-001"],
          AutomaticFailover: "enabled",
          MultiAZ: "enabled",
        },
      ],
      subnetGroups: [
        {
          CacheSubnetGroupName: "cache-subnets",
          VpcId: "vpc-0c",
          Subnets: [{ SubnetIdentifier: "subnet-1" }, { SubnetIdentifier: "subnet-2" }],
        },
      ],
      tags: [
        {
          ResourceARN: "arn:aws:elasticache:us-east-1:123456789012:cluster:sessions-mc",
          Tags: [{ Key: "Name", Value: "sessions" }],
        },
      ],
    };
    const { resources, edges } = normalizeElastiCache(raw, where);
    expect(resources.map((r) => r.name)).toEqual(["sessions", "redis-001", "redis"]);
    expect(resources[0]?.props).toMatchObject({
      replicationGroupId: null,
      port: 11211,
      vpcId: "vpc-0c",
      subnetIds: ["subnet-1", "subnet-2"],
    });
    // A memcached response without AtRestEncryptionEnabled: unknown, not "disabled".
    expect(resources[0]?.props).toHaveProperty("atRestEncryptionEnabled", undefined);
    expect(resources[1]?.props).toMatchObject({
      replicationGroupId: "redis",
      port: 6379,
      transitEncryptionEnabled: true,
    });
    expect(resources[2]).toMatchObject({
      parent: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0c",
      props: { multiAz: true, automaticFailover: "enabled", port: null },
    });
    expect(edges.filter((e) => e.kind === "contains")).toEqual([
      { from: resources[2]?.id, to: resources[1]?.id, kind: "contains" },
    ]);
  });
});
