import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "./index.ts";
import { ACCOUNT, dump, REGION } from "./test-dump.ts";

// The AWS CLI dump layout, with hand-written files as the CLI prints them.

const TG = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`;

describe("AWS CLI dump folders", () => {
  it("feeds each file to its module: pages merged, dates revived, per-resource folders by URL-encoded name", async () => {
    const root = await dump({
      [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: {
        Vpcs: [
          {
            VpcId: "vpc-1",
            CidrBlock: "10.0.0.0/16",
            IsDefault: false,
            Tags: [{ Key: "Name", Value: "main" }],
          },
          { VpcId: "vpc-2", CidrBlock: "10.1.0.0/16", IsDefault: false },
        ],
      },
      [`${ACCOUNT}/${REGION}/elbv2-describe-target-groups.json`]: {
        TargetGroups: [
          {
            TargetGroupArn: TG,
            TargetGroupName: "web",
            Protocol: "HTTP",
            Port: 80,
            VpcId: "vpc-1",
            TargetType: "ip",
          },
        ],
      },
      // CloudMapper: urllib.parse.quote_plus of the target group ARN.
      [`${ACCOUNT}/${REGION}/elbv2-describe-target-health/${encodeURIComponent(TG)}`]: {
        TargetHealthDescriptions: [
          { Target: { Id: "10.0.1.5", Port: 80 }, TargetHealth: { State: "healthy" } },
        ],
      },
      [`${ACCOUNT}/${REGION}/acm-describe-certificate/cert.json`]: {
        Certificate: {
          CertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/1`,
          DomainName: "example.com",
          NotAfter: "2027-03-01T12:00:00+00:00",
        },
      },
    });
    const r = await importPaths([root], { scannedAt: new Date("2026-11-01T00:00:00Z") });
    const byType = (t: string) => r.snapshot.resources.filter((x) => x.type === t);
    expect(byType("AWS::EC2::VPC").map((v) => v.name ?? v.id)).toEqual([
      "main",
      `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-2`,
    ]);
    expect(byType("AWS::ElasticLoadBalancingV2::TargetGroup")[0]?.props).toMatchObject({
      targets: [{ id: "10.0.1.5", port: 80, availabilityZone: null }],
    });
    expect(byType("AWS::CertificateManager::Certificate")[0]?.props).toMatchObject({
      notAfter: "2027-03-01T12:00:00Z",
    });
    expect(r.snapshot.scannedAt).toBe("2026-11-01T00:00:00Z");
    expect(r.snapshot.scope).toEqual({ accounts: [ACCOUNT], regions: [REGION] });
    const ec2 = r.snapshot.coverage.find((c) => c.service === "ec2");
    expect(ec2?.status).toBe("partial");
    expect(ec2?.notRecorded).toContain("AWS::EC2::Subnet");
    expect(ec2?.notRecorded).not.toContain("AWS::EC2::VPC");
    expect(ec2?.error).toMatch(/^partial import: no ec2-describe-subnets\.json, /);
  });

  it("skips a per-resource answer written as one flat file, and files in a global folder for a regional service", async () => {
    const root = await dump({
      [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: { Vpcs: [] },
      [`${ACCOUNT}/${REGION}/elbv2-describe-target-health.json`]: { TargetHealthDescriptions: [] },
      [`${ACCOUNT}/global/ec2-describe-vpcs.json`]: { Vpcs: [] },
    });
    const r = await importPaths([root]);
    const reasons = r.skipped.map((s) => `${s.file.slice(root.length + 1)}: ${s.reason}`);
    expect(reasons).toEqual([
      `${ACCOUNT}/${REGION}/elbv2-describe-target-health.json: aws elbv2 describe-target-health answers for one target group ARN: put one response per target group ARN in a folder elbv2-describe-target-health/, each file named after it (CloudMapper's layout)`,
      `${ACCOUNT}/global/ec2-describe-vpcs.json: ec2 is a regional service: put its files in a region folder`,
    ]);
  });

  it("rejects a file whose list is not a list, and a non-object, at the right place", async () => {
    const root = await dump({ [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: '{\n  "Vpcs": "vpc-1"\n}\n' });
    await expect(importPaths([root])).rejects.toThrow(
      /"Vpcs" should be a list in the output of aws ec2 describe-vpcs/,
    );
    const other = await dump({ [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: "[1, 2]" });
    await expect(importPaths([other])).rejects.toThrow(
      /expected the JSON object that aws ec2 describe-vpcs prints/,
    );
  });

  it("reads a single file given by path, its account and region from its folders", async () => {
    const root = await dump({
      [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: {
        Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }],
      },
    });
    const r = await importPaths([join(root, ACCOUNT, REGION, "ec2-describe-vpcs.json")]);
    expect(r.snapshot.resources.map((x) => x.id)).toEqual([`arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-1`]);
  });

  it("still stops at an empty or broken file where an empty response means nothing", async () => {
    const root = await dump({
      [`${ACCOUNT}/us-east-1/s3-list-buckets.json`]: { Buckets: [{ Name: "b" }] },
      [`${ACCOUNT}/us-east-1/s3-get-public-access-block/b`]: "",
    });
    await expect(importPaths([root])).rejects.toThrow(
      /the file is empty; it was read as the output of aws s3api get-public-access-block/,
    );
  });
  it("reads describe-regions.json: a region it lists with no files is a gap of every regional service", async () => {
    const root = await dump({
      [`${ACCOUNT}/describe-regions.json`]: {
        Regions: [
          { Endpoint: "ec2.eu-west-1.amazonaws.com", RegionName: REGION },
          { Endpoint: "ec2.ap-south-1.amazonaws.com", RegionName: "ap-south-1" },
        ],
      },
      [`${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`]: { Vpcs: [] },
    });
    const r = await importPaths([root]);
    expect(r.skipped).toEqual([]);
    expect(r.snapshot.scope.regions).toContain("ap-south-1");
    expect(r.snapshot.coverage.find((c) => c.region === "ap-south-1" && c.service === "ec2")).toEqual({
      account: ACCOUNT,
      region: "ap-south-1",
      service: "ec2",
      status: "skipped",
      error: "not in the import: describe-regions.json lists ap-south-1, but the dump has no files of it",
    });
  });

  it("needs no per-load-balancer or cluster files where the lists say there are none (CloudMapper's empty regions)", async () => {
    const root = await dump({
      [`${ACCOUNT}/${REGION}/elbv2-describe-load-balancers.json`]: { LoadBalancers: [] },
      [`${ACCOUNT}/${REGION}/ecs-list-clusters.json`]: { clusterArns: [] },
    });
    const r = await importPaths([root]);
    const status = (service: string) => r.snapshot.coverage.find((c) => c.service === service);
    expect(status("elbv2")).toMatchObject({ status: "scanned" });
    expect(status("ecs")).toMatchObject({ status: "scanned" });
    // A cluster listed but not described is a gap: its services are not known.
    const one = await dump({
      [`${ACCOUNT}/${REGION}/ecs-list-clusters.json`]: {
        clusterArns: [`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/jobs`],
      },
    });
    expect((await importPaths([one])).snapshot.coverage.find((c) => c.service === "ecs")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::ECS::Cluster", "AWS::ECS::Service"],
    });
  });
});
