import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeClusterCommand, EKSClient, ListClustersCommand } from "@aws-sdk/client-eks";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import type { ConfigItem } from "../config/item.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";
import { mockFetchContext } from "../mock-context.ts";
import eks, { normalizeEks } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

describe("eks on recorded responses (Cloud Custodian placebo data)", () => {
  const mock = mockClient(EKSClient);
  afterEach(() => mock.reset());

  it("describes each listed cluster and keeps its endpoint access, cluster security group and tags", async () => {
    mock.on(ListClustersCommand).resolves(recorded("ListClusters_1"));
    mock
      .on(DescribeClusterCommand, { name: "c7n-test-eks-cluster" })
      .resolves(recorded("DescribeCluster_1"))
      .on(DescribeClusterCommand, { name: "shop-prod" })
      .resolves(recorded("DescribeCluster_2"));
    const raw = await eks.fetch(mockFetchContext(where.account, where.region));
    expect(mock.commandCalls(DescribeClusterCommand)).toHaveLength(2);
    const { resources, edges } = normalizeEks(raw, where);
    expect(resources[0]).toEqual({
      id: "arn:aws:eks:us-east-1:123456789012:cluster/c7n-test-eks-cluster",
      type: "AWS::EKS::Cluster",
      account: "123456789012",
      region: "us-east-1",
      name: "c7n-test-eks-cluster",
      tags: { NetworkLocation: "Customer" },
      parent: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-d2d616b5",
      props: {
        name: "c7n-test-eks-cluster",
        version: "1.25",
        endpoint: "https://D7548607F9712465413819BD1CC14FD9.sk1.us-east-1.eks.amazonaws.com",
        vpcId: "vpc-d2d616b5",
        subnetIds: ["subnet-efbcccb7", "subnet-914763e7"],
        securityGroupIds: ["sg-064bff5efd27cce0f", "sg-093f8a75c1ecc3fd1"],
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
        publicAccessCidrs: [],
      },
    });
    expect(resources[1]).toMatchObject({
      name: "Shop production",
      props: { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["0.0.0.0/0"] },
    });
    expect(edges.map((e) => e.to)).toEqual([
      "arn:aws:ec2:us-east-1:123456789012:security-group/sg-064bff5efd27cce0f",
      "arn:aws:ec2:us-east-1:123456789012:security-group/sg-093f8a75c1ecc3fd1",
      "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0c1c1c1c1c1c1c1c1",
    ]);
  });
});

describe("eks from AWS Config", () => {
  it("reads an old CloudFormation-shaped item: VPC from the recorded subnet, endpoint access unknown, not false", () => {
    const old = recorded<{ item: Partial<ConfigItem> }>("config-item-old").item;
    const subnet = item({
      accountId: "123456789012",
      awsRegion: "us-east-2",
      resourceType: "AWS::EC2::Subnet",
      resourceId: "subnet-05b873ed614f61c42",
      arn: "arn:aws:ec2:us-east-2:123456789012:subnet/subnet-05b873ed614f61c42",
      configuration: { subnetId: "subnet-05b873ed614f61c42", vpcId: "vpc-0e1", cidrBlock: "10.0.0.0/24" },
    });
    const out = normalizeConfigItems([subnet, item(old)]);
    const c = out.resources.find((r) => r.type === "AWS::EKS::Cluster");
    expect(c).toMatchObject({
      id: "arn:aws:eks:us-east-2:123456789012:cluster/kapil-dev",
      parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-0e1",
      props: {
        name: "kapil-dev",
        version: "1.18",
        vpcId: "vpc-0e1",
        subnetIds: ["subnet-05b873ed614f61c42", "subnet-0bc174a1c1bcb2a86"],
        securityGroupIds: ["sg-0f3863656b1ca8068"],
      },
    });
    expect(c?.props).not.toHaveProperty("endpointPublicAccess");
    expect(c?.props).not.toHaveProperty("publicAccessCidrs");
  });
});
