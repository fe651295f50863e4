import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DescribeClusterSubnetGroupsCommand,
  DescribeClustersCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import redshift, { normalizeRedshift } from "./api.ts";

const where = { account: "123456789012", region: "us-west-2" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

describe("redshift on recorded responses (Cloud Custodian placebo data)", () => {
  const mock = mockClient(RedshiftClient);
  afterEach(() => mock.reset());

  it("fetches clusters and subnet groups, and places a cluster in the subnets of its group", async () => {
    mock.on(DescribeClustersCommand).resolves(recorded("DescribeClusters_1"));
    mock.on(DescribeClusterSubnetGroupsCommand).resolves(recorded("DescribeClusterSubnetGroups_1"));
    const raw = await redshift.fetch(mockFetchContext(where.account, where.region));
    expect(raw.clusters).toHaveLength(2);
    const { resources, edges } = normalizeRedshift(raw, where);
    expect(resources[0]).toEqual({
      id: "arn:aws:redshift:us-west-2:123456789012:cluster:dev-test",
      type: "AWS::Redshift::Cluster",
      account: "123456789012",
      region: "us-west-2",
      name: "Analytics",
      tags: { Name: "Analytics", Environment: "dev" },
      parent: "arn:aws:ec2:us-west-2:123456789012:vpc/vpc-4a9ff72e",
      props: {
        clusterIdentifier: "dev-test",
        nodeType: "dc1.large",
        numberOfNodes: 1,
        publiclyAccessible: true,
        encrypted: false,
        availabilityZone: "us-west-2a",
        clusterSubnetGroupName: "default",
        vpcId: "vpc-4a9ff72e",
        subnetIds: ["subnet-15452171", "subnet-63c97615", "subnet-5fb47507"],
        securityGroupIds: ["sg-f9cc4d9f"],
        endpoint: { address: "dev-test.caezprad5nrp.us-west-2.redshift.amazonaws.com", port: 5439 },
      },
    });
    expect(edges).toEqual([
      {
        from: "arn:aws:redshift:us-west-2:123456789012:cluster:dev-test",
        to: "arn:aws:ec2:us-west-2:123456789012:security-group/sg-f9cc4d9f",
        kind: "uses",
      },
      {
        from: "arn:aws:redshift:us-west-2:123456789012:cluster:c7n-rs",
        to: "arn:aws:ec2:us-west-2:123456789012:security-group/sg-29ee3e5a",
        kind: "uses",
      },
    ]);
  });

  it("keeps the VPC of a cluster whose subnet group was not returned, with no subnets rather than guessed ones", () => {
    const { resources } = normalizeRedshift(
      { clusters: recorded<{ Clusters: never[] }>("DescribeClusters_1").Clusters, subnetGroups: [] },
      where,
    );
    expect(resources[1]?.props).toMatchObject({
      clusterIdentifier: "c7n-rs",
      publiclyAccessible: false,
      vpcId: "vpc-d2d616b5",
      subnetIds: [],
    });
  });

  it("leaves PubliclyAccessible and Encrypted unknown when the response lacks them", () => {
    const { resources } = normalizeRedshift(
      { clusters: [{ ClusterIdentifier: "old" }], subnetGroups: [] },
      where,
    );
    expect(resources[0]?.props).not.toHaveProperty("publiclyAccessible");
    expect(resources[0]?.props).not.toHaveProperty("encrypted");
  });
});
