import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeRds, type RdsRaw } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

describe("normalizeRds on recorded responses", () => {
  it("keeps cluster membership, missing endpoints and defaults honest", () => {
    const instances = recorded<{ DBInstances: RdsRaw["instances"] }>("DescribeDBInstances_1").DBInstances;
    const { resources, edges } = normalizeRds(
      { instances, clusters: [], proxies: [], proxyTargets: {} },
      where,
    );
    expect(resources.map((r) => [r.name, r.parent])).toEqual([
      ["aurora-1", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0aaa"],
      ["old-mysql", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0aaa"],
    ]);
    expect(resources[0]?.props).toMatchObject({
      dbClusterIdentifier: "aurora",
      subnetIds: ["subnet-0a", "subnet-0b"],
      endpoint: { port: 5432 },
    });
    expect(resources[0]?.tags).toEqual({ Team: "data" });
    // The recorded response has no StorageEncrypted and no MultiAZ: unknown, never "false".
    expect(resources[1]?.props).toHaveProperty("storageEncrypted", undefined);
    expect(resources[1]?.props).toHaveProperty("multiAz", undefined);
    expect(resources[1]?.props).toMatchObject({
      publiclyAccessible: true,
      endpoint: null,
      backupRetentionPeriod: 0,
      availabilityZone: null,
    });
    expect(edges).toEqual([
      {
        from: "arn:aws:rds:us-east-1:123456789012:db:aurora-1",
        to: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0db",
        kind: "uses",
      },
    ]);
  });
});
