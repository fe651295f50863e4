import { describe, expect, it } from "vitest";
import type { Coverage } from "../../model/snapshot.ts";
import { configCoverage } from "./coverage.ts";
import { ACCOUNT } from "./test-item.ts";

const query = (region: string, status: Coverage["status"] = "scanned", error?: string): Coverage => ({
  account: ACCOUNT,
  region,
  service: "config",
  status,
  ...(error ? { error } : {}),
});

const find = (list: Coverage[], service: string, region: string) =>
  list.find((c) => c.service === service && c.region === region);

describe("configCoverage: what a Config source read, service by service", () => {
  it("counts each service read where Config answered, partial with what Config never records", () => {
    const out = configCoverage([query("us-east-1")]);
    expect(find(out, "ec2", "us-east-1")).toEqual({
      account: ACCOUNT,
      region: "us-east-1",
      service: "ec2",
      status: "scanned",
    });
    expect(find(out, "rds", "us-east-1")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::RDS::DBProxy"],
    });
    expect(find(out, "route53", "global")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::Route53::RecordSet"],
      error: expect.stringMatching(/^AWS Config records hosted zones, not their record sets/),
    });
    expect(find(out, "elasticache", "us-east-1")?.notRecorded).toEqual([
      "AWS::ElastiCache::CacheCluster.subnetIds",
    ]);
    expect(find(out, "s3", "global")?.status).toBe("scanned");
    // One entry per account for global services, one per region for the others.
    expect(out.filter((c) => c.service === "s3")).toHaveLength(1);
  });

  it("gives the query's own status where Config did not answer", () => {
    const out = configCoverage([query("us-east-1"), query("eu-west-1", "denied", "AccessDenied: no")]);
    expect(find(out, "ec2", "eu-west-1")).toMatchObject({
      status: "denied",
      error: "the AWS Config query denied: AccessDenied: no",
    });
    expect(find(out, "ec2", "us-east-1")?.status).toBe("scanned");
  });

  it("marks CloudFront and Route 53 not queried without us-east-1, unless an aggregator answered for it", () => {
    const out = configCoverage([query("eu-west-1")], { resources: [] });
    expect(find(out, "cloudfront", "global")).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/^not queried: AWS Config records cloudfront in us-east-1/),
    });
    expect(find(out, "route53", "global")?.status).toBe("skipped");
    expect(
      find(configCoverage([query("eu-west-1")], { aggregator: true }), "cloudfront", "global")?.status,
    ).toBe("partial");
  });

  it("covers only the services asked for", () => {
    expect(configCoverage([query("us-east-1")], { services: ["s3"] }).map((c) => c.service)).toEqual(["s3"]);
  });
});
