import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DescribeFileSystemsCommand,
  DescribeMountTargetSecurityGroupsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
} from "@aws-sdk/client-efs";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { mockFetchContext } from "../mock-context.ts";
import api, { type EfsRaw, normalizeEfs } from "./api.ts";

const where = { account: "123456789012", region: "us-east-2" };
type Recorded<T = Record<string, unknown>> = T & { _case: string; _request?: Record<string, string> };
const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as Recorded;
const strip = ({ _case, _request, ...rest }: Recorded) => rest;
const raw = (p: Partial<EfsRaw>): EfsRaw => ({
  fileSystems: [],
  mountTargets: [],
  securityGroups: {},
  ...p,
});
const fileSystems = (name: string) => (recorded(name).FileSystems ?? []) as EfsRaw["fileSystems"];
const mountTargets = (name: string) => (recorded(name).MountTargets ?? []) as EfsRaw["mountTargets"];

describe("normalizeEfs on recorded responses", () => {
  it("file systems of today's shape: their ARN, Name tag, encryption and KMS key", () => {
    const { resources } = normalizeEfs(raw({ fileSystems: fileSystems("DescribeFileSystems_1") }), where);
    expect(resources.map((r) => [r.id, r.name])).toEqual([
      ["arn:aws:elasticfilesystem:us-east-2:123456789012:file-system/fs-028d2a86fa813320a", "Uploads"],
      ["arn:aws:elasticfilesystem:us-east-2:123456789012:file-system/fs-017557a9f00b1bec9", "shared"],
    ]);
    expect(resources[0]?.props).toEqual({
      fileSystemId: "fs-028d2a86fa813320a",
      encrypted: true,
      kmsKeyId: "arn:aws:kms:us-east-2:123456789012:key/d38e6df4-3a19-4516-9f4b-ab568e9bccc5",
      performanceMode: "generalPurpose",
      throughputMode: "elastic",
      lifeCycleState: "available",
      numberOfMountTargets: 0,
    });
  });

  it("a 2017 file system: ARN built, Encrypted false kept, what it lacks left out", () => {
    const { resources } = normalizeEfs(raw({ fileSystems: fileSystems("DescribeFileSystems_2") }), where);
    expect(resources[0]).toMatchObject({
      id: "arn:aws:elasticfilesystem:us-east-2:123456789012:file-system/fs-66f3051f",
      name: "TestSecGroups",
      tags: {},
      props: { fileSystemId: "fs-66f3051f", encrypted: false, kmsKeyId: null },
    });
    expect(resources[0]?.props).not.toHaveProperty("throughputMode");
  });

  it("mount targets in their subnets, attached to the file system, with their groups where read", () => {
    const sg = recorded("DescribeMountTargetSecurityGroups_1");
    const { resources, edges } = normalizeEfs(
      raw({
        fileSystems: fileSystems("DescribeFileSystems_1"),
        mountTargets: mountTargets("DescribeMountTargets_1"),
        securityGroups: { [String(sg._request?.MountTargetId)]: sg.SecurityGroups as string[] },
      }),
      where,
    );
    const mts = resources.filter((r) => r.type === "AWS::EFS::MountTarget");
    expect(mts.map((m) => [m.parent, m.props])).toEqual([
      [
        "arn:aws:ec2:us-east-2:123456789012:subnet/subnet-914763e7",
        {
          mountTargetId: "fsmt-0fca46e06dcfff8e2",
          fileSystemId: "fs-017557a9f00b1bec9",
          vpcId: "vpc-d2d616b5",
          subnetId: "subnet-914763e7",
          availabilityZone: "us-east-2a",
          ipAddress: "172.31.14.29",
          networkInterfaceId: "eni-0fdd63701abdf11c2",
          securityGroupIds: ["sg-ccf3a8a4"],
        },
      ],
      // Its groups were not read: unknown, not "none".
      [
        "arn:aws:ec2:us-east-2:123456789012:subnet/subnet-efbcccb7",
        expect.not.objectContaining({ securityGroupIds: expect.anything() }),
      ],
    ]);
    const first = mts[0]?.id ?? "";
    expect(edges.filter((e) => e.from === first || e.to === first)).toEqual([
      {
        from: first,
        to: "arn:aws:elasticfilesystem:us-east-2:123456789012:file-system/fs-017557a9f00b1bec9",
        kind: "attached",
      },
      { from: first, to: "arn:aws:ec2:us-east-2:123456789012:security-group/sg-ccf3a8a4", kind: "uses" },
      {
        from: "arn:aws:ec2:us-east-2:123456789012:network-interface/eni-0fdd63701abdf11c2",
        to: first,
        kind: "attached",
      },
    ]);
  });
});

describe("EFS fetch", () => {
  const mock = mockClient(EFSClient);
  afterEach(() => mock.reset());

  it("asks for mount targets per file system and groups per mount target, with the largest pages", async () => {
    mock.on(DescribeFileSystemsCommand).resolves(strip(recorded("DescribeFileSystems_1")));
    mock
      .on(DescribeMountTargetsCommand, { FileSystemId: "fs-017557a9f00b1bec9" })
      .resolves(strip(recorded("DescribeMountTargets_1")))
      .on(DescribeMountTargetsCommand, { FileSystemId: "fs-028d2a86fa813320a" })
      .resolves({ MountTargets: [] });
    mock
      .on(DescribeMountTargetSecurityGroupsCommand)
      .resolves(strip(recorded("DescribeMountTargetSecurityGroups_1")));
    const out = await api.fetch(mockFetchContext("123456789012", "us-east-2"));
    expect(mock.commandCalls(DescribeFileSystemsCommand)[0]?.args[0].input).toMatchObject({ MaxItems: 100 });
    expect(mock.commandCalls(DescribeMountTargetsCommand).map((c) => c.args[0].input.FileSystemId)).toEqual([
      "fs-028d2a86fa813320a",
      "fs-017557a9f00b1bec9",
    ]);
    expect(
      mock.commandCalls(DescribeMountTargetSecurityGroupsCommand).map((c) => c.args[0].input.MountTargetId),
    ).toEqual(["fsmt-0fca46e06dcfff8e2", "fsmt-0fcbb40c868d404e8"]);
    expect(out.mountTargets).toHaveLength(2);
    expect(Object.keys(out.securityGroups)).toHaveLength(2);
  });
});
