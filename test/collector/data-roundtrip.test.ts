import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elasticacheHandler } from "../aws-endpoint/services/elasticache.ts";
import { rdsHandler } from "../aws-endpoint/services/rds.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/** Postgres behind an RDS Proxy, a public MySQL, and a two-node Redis replication group. */
function account() {
  const b = new SnapshotBuilder("test:data");
  const a = b.in("123456789012", "us-east-1");
  const tags = { Environment: "production", Application: "shop" };
  const v = a.vpc("data", { cidr: "10.5.0.0/16", tags });
  const s1 = a.subnet(v, "db-a", { cidr: "10.5.1.0/24", az: "us-east-1a" });
  const s2 = a.subnet(v, "db-b", { cidr: "10.5.2.0/24", az: "us-east-1b" });
  const app = a.securityGroup(v, "app");
  const proxySg = a.securityGroup(v, "proxy", { ingress: [tcp(5432, app)] });
  const dbSg = a.securityGroup(v, "db", { ingress: [tcp(5432, proxySg)] });
  const pg = a.dbInstance(v, "orders", {
    engine: "postgres",
    subnets: [s1, s2],
    securityGroups: [dbSg],
    multiAz: true,
    tags,
  });
  a.dbProxy(v, "orders-proxy", { subnets: [s1, s2], securityGroups: [proxySg], targets: [pg] });
  a.dbInstance(v, "legacy", {
    engine: "mysql",
    subnets: [s1, s2],
    securityGroups: [a.securityGroup(v, "legacy-db")],
    publiclyAccessible: true,
    encrypted: false,
    backupRetentionPeriod: 0,
  });
  a.redis(v, "sessions", {
    subnets: [s1, s2],
    securityGroups: [a.securityGroup(v, "redis", { ingress: [tcp(6379, app)] })],
    nodes: 2,
    transitEncryption: false,
    tags,
  });
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBProxy",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ReplicationGroup",
]);

describe("RDS and ElastiCache collectors against the loopback endpoint", () => {
  it("scan back databases, the proxy and its targets, caches and their groups; ENIs linked to their owners", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: [ec2Handler, rdsHandler, elasticacheHandler, taggingHandler],
      services: ["ec2", "rds", "elasticache"],
      types: TYPES,
    });
    expect(result.snapshot.coverage.every((c) => c.status === "scanned")).toBe(true);
    expect(actual).toEqual(expected);
  });

  it("a denied ElastiCache is a coverage gap; RDS is still scanned", async () => {
    const { result } = await roundTrip(account(), {
      handlers: [ec2Handler, rdsHandler, elasticacheHandler, taggingHandler],
      services: ["ec2", "rds", "elasticache"],
      types: TYPES,
      faults: [{ kind: "access-denied", service: "elasticache" }],
    });
    expect(result.snapshot.coverage.find((c) => c.service === "elasticache")).toMatchObject({
      status: "denied",
      error: expect.stringMatching(/^AccessDenied/),
    });
    expect(result.snapshot.resources.filter((r) => r.type === "AWS::RDS::DBInstance")).toHaveLength(2);
    expect(result.snapshot.resources.filter((r) => r.type.startsWith("AWS::ElastiCache"))).toEqual([]);
  });
});
