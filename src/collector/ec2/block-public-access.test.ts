import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DescribeVpcBlockPublicAccessExclusionsCommand,
  DescribeVpcBlockPublicAccessOptionsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import api, { type Ec2Raw, emptyEc2Raw, normalizeEc2 } from "./api.ts";

const where = { account: "123456789012", region: "us-east-2" };
type Recorded = Record<string, unknown> & { _case: string };
const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded;
const strip = ({ _case, ...rest }: Recorded) => rest;

const raw = (bpa?: Ec2Raw["blockPublicAccess"]): Ec2Raw => ({
  ...emptyEc2Raw(),
  vpcs: [{ VpcId: "vpc-0aaaaaaaaaaaaaaa1" }, { VpcId: "vpc-0bbbbbbbbbbbbbbb0" }],
  subnets: [
    { SubnetId: "subnet-0bbbbbbbbbbbbbbb2", VpcId: "vpc-0bbbbbbbbbbbbbbb0", CidrBlock: "10.1.0.0/24" },
    { SubnetId: "subnet-0bbbbbbbbbbbbbbb3", VpcId: "vpc-0bbbbbbbbbbbbbbb0", CidrBlock: "10.1.1.0/24" },
  ],
  ...(bpa ? { blockPublicAccess: bpa } : {}),
});
const bpaOf = (r: Ec2Raw) =>
  normalizeEc2(r, where)
    .resources.filter((x) => x.type === "AWS::EC2::VPC")
    .map((v) => (v.props as { blockPublicAccess?: unknown }).blockPublicAccess);

describe("VPC Block Public Access", () => {
  it("puts the region's mode and the exclusions in force on each VPC", () => {
    const options = recorded("DescribeVpcBlockPublicAccessOptions_1").VpcBlockPublicAccessOptions as never;
    const exclusions = recorded("DescribeVpcBlockPublicAccessExclusions_1")
      .VpcBlockPublicAccessExclusions as never;
    expect(bpaOf(raw({ options, exclusions }))).toEqual([
      { mode: "block-bidirectional", exclusion: "allow-bidirectional", subnetExclusions: {} },
      // The deleted exclusion of subnet …3 no longer applies.
      {
        mode: "block-bidirectional",
        exclusion: null,
        subnetExclusions: { "subnet-0bbbbbbbbbbbbbbb2": "allow-egress" },
      },
    ]);
  });

  it("not read: absent on every VPC (unknown), never 'off'", () => {
    expect(bpaOf(raw())).toEqual([undefined, undefined]);
  });

  const mock = mockClient(EC2Client);
  afterEach(() => mock.reset());

  it("fetch reads both calls; a region without the API (or the permission) leaves it unknown, the scan goes on", async () => {
    mock.onAnyCommand().resolves({});
    mock
      .on(DescribeVpcBlockPublicAccessOptionsCommand)
      .resolves(strip(recorded("DescribeVpcBlockPublicAccessOptions_1")));
    mock
      .on(DescribeVpcBlockPublicAccessExclusionsCommand)
      .resolvesOnce({ ...strip(recorded("DescribeVpcBlockPublicAccessExclusions_1")), NextToken: "t" })
      .resolvesOnce({ VpcBlockPublicAccessExclusions: [] });
    const out = await api.fetch(mockFetchContext(where.account, where.region));
    expect(out.blockPublicAccess?.options.InternetGatewayBlockMode).toBe("block-bidirectional");
    expect(out.blockPublicAccess?.exclusions).toHaveLength(3);
    expect(
      mock.commandCalls(DescribeVpcBlockPublicAccessExclusionsCommand).map((c) => c.args[0].input),
    ).toEqual([{ MaxResults: 1000 }, { MaxResults: 1000, NextToken: "t" }]);

    mock.reset();
    mock.onAnyCommand().resolves({});
    mock
      .on(DescribeVpcBlockPublicAccessOptionsCommand)
      .rejects(Object.assign(new Error("not authorized"), { name: "UnauthorizedOperation" }));
    const denied = await api.fetch(mockFetchContext(where.account, where.region));
    expect(denied.blockPublicAccess).toBeUndefined();
  });
});
