import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isType, type Resource } from "../../model/snapshot.ts";
import { type Ec2Raw, emptyEc2Raw, normalizeEc2 } from "./api.ts";

function only<T extends "AWS::EC2::RouteTable" | "AWS::EC2::NetworkAcl">(r: Resource | undefined, type: T) {
  if (!r || !isType(r, type)) throw new Error(`expected ${type}`);
  return r;
}

const where = { account: "123456789012", region: "us-east-2" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

function raw(partial: Partial<Ec2Raw>): Ec2Raw {
  return { ...emptyEc2Raw(), ...partial };
}

describe("normalizeEc2 on recorded responses", () => {
  it("security groups: one rule per permission, CIDRs v4/v6, cross-account group references, prefix lists, the first description", () => {
    const { resources } = normalizeEc2(
      raw({
        securityGroups: recorded<{ SecurityGroups: Ec2Raw["securityGroups"] }>("DescribeSecurityGroups_1")
          .SecurityGroups,
      }),
      where,
    );
    const [web, app] = resources;
    expect(web).toMatchObject({
      id: "arn:aws:ec2:us-east-2:123456789012:security-group/sg-0a1b2c3d4e5f60718",
      name: "web <prod>",
      parent: "arn:aws:ec2:us-east-2:123456789012:vpc/vpc-0123456789abcdef0",
    });
    expect(web?.props).toMatchObject({
      ingress: [
        {
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          ipv4Ranges: ["0.0.0.0/0"],
          ipv6Ranges: ["::/0"],
          groupRefs: [],
          prefixListIds: [],
          description: "https from anywhere",
        },
      ],
      egress: [{ protocol: "-1", fromPort: null, toPort: null, ipv4Ranges: ["0.0.0.0/0"] }],
    });
    expect(app?.name).toBe("app");
    expect(app?.props).toMatchObject({
      ingress: [
        {
          groupRefs: [{ groupId: "sg-0a1b2c3d4e5f60718", account: "210987654321" }],
          prefixListIds: ["pl-63a5400a"],
          description: "s3",
        },
      ],
      egress: [],
    });
  });

  it("route tables: main flag, explicit associations, route targets, blackholes, and routes edges to gateways", () => {
    const { resources, edges } = normalizeEc2(
      raw({
        routeTables: recorded<{ RouteTables: Ec2Raw["routeTables"] }>("DescribeRouteTables_1").RouteTables,
      }),
      where,
    );
    const [main, pub] = resources;
    expect(main?.props).toMatchObject({ main: true, subnetIds: [] });
    expect(pub?.props).toMatchObject({
      main: false,
      subnetIds: ["subnet-0pub0000000000000", "subnet-0pub1111111111111"],
    });
    const routes = only(pub, "AWS::EC2::RouteTable").props.routes;
    expect(routes.map((r) => `${r.targetKind}:${r.state}`)).toEqual([
      "local:active",
      "internet-gateway:active",
      "internet-gateway:active",
      "vpc-peering:blackhole",
      "vpc-endpoint:active",
    ]);
    expect(edges.map((e) => e.to.split(":").pop())).toEqual([
      "internet-gateway/igw-0abc0000000000000",
      "internet-gateway/igw-0abc0000000000000",
      "vpc-peering-connection/pcx-0dead000000000000",
      "vpc-endpoint/vpce-0s3000000000000000",
    ]);
  });

  it("network ACLs: entries ordered by direction and number, the implicit 32767 denies left out", () => {
    const { resources } = normalizeEc2(
      raw({
        networkAcls: recorded<{ NetworkAcls: Ec2Raw["networkAcls"] }>("DescribeNetworkAcls_1").NetworkAcls,
      }),
      where,
    );
    const entries = only(resources[0], "AWS::EC2::NetworkAcl").props.entries ?? [];
    expect(entries.map((e) => `${e.egress ? "out" : "in"}:${e.ruleNumber}:${e.ruleAction}`)).toEqual([
      "in:90:deny",
      "in:100:allow",
      "out:100:allow",
    ]);
    expect(entries[0]?.fromPort).toBe(22);
  });

  it("instances: IMDS options, public IP, profile; terminated instances are gone", () => {
    const { resources, edges } = normalizeEc2(
      raw({
        instances: recorded<{ Reservations: { Instances: Ec2Raw["instances"] }[] }>(
          "DescribeInstances_1",
        ).Reservations.flatMap((r) => r.Instances),
      }),
      where,
    );
    expect(resources).toHaveLength(1);
    expect(resources[0]?.props).toMatchObject({
      httpTokens: "optional",
      publicIp: "3.15.20.100",
      iamInstanceProfileArn: "arn:aws:iam::123456789012:instance-profile/bastion",
      subnetId: "subnet-0pub0000000000000",
    });
    expect(edges).toEqual([
      {
        from: resources[0]?.id,
        to: "arn:aws:ec2:us-east-2:123456789012:security-group/sg-0a1b2c3d4e5f60718",
        kind: "uses",
      },
    ]);
  });

  it("managed prefix lists: customer- and AWS-managed, with their CIDRs where GetManagedPrefixListEntries was read", () => {
    const lists = recorded<{ PrefixLists: Ec2Raw["prefixLists"] }>(
      "DescribeManagedPrefixLists_1",
    ).PrefixLists;
    const entries = recorded<{ Entries: Ec2Raw["prefixListEntries"][string] }>(
      "GetManagedPrefixListEntries_1",
    ).Entries;
    const { resources } = normalizeEc2(
      raw({ prefixLists: lists, prefixListEntries: { "pl-02d12d37020480a5f": entries } }),
      where,
    );
    expect(resources.map((r) => `${r.type} ${r.id}`)).toContain(
      "AWS::EC2::PrefixList arn:aws:ec2:us-east-2:123456789012:prefix-list/pl-02d12d37020480a5f",
    );
    expect(resources[0]?.props).toEqual({
      prefixListId: "pl-02d12d37020480a5f",
      prefixListName: "All VPC CIDR",
      addressFamily: "IPv4",
      ownerId: "111111111111",
      entries: [{ cidr: "172.31.0.0/16", description: null }],
    });
    // The S3 list owned by AWS: its entries were not read, so they stay absent (unknown), never empty.
    const s3 = resources.find((r) => r.name === "com.amazonaws.us-east-1.s3");
    expect(s3?.props).toEqual({
      prefixListId: "pl-63a5400a",
      prefixListName: "com.amazonaws.us-east-1.s3",
      addressFamily: "IPv4",
      ownerId: "AWS",
    });
  });

  it("network ACL entries for ICMP keep the type and code as fromPort/toPort", () => {
    // The recorded ACL with one ICMP entry added in the shape of the EC2 API reference (NetworkAclEntry
    // IcmpTypeCode); no recorded response with an ICMP entry was found in cloud-custodian's placebo data.
    const [acl] = recorded<{ NetworkAcls: Ec2Raw["networkAcls"] }>("DescribeNetworkAcls_1").NetworkAcls;
    const withIcmp = {
      ...acl,
      Entries: [
        ...(acl?.Entries ?? []),
        {
          RuleNumber: 80,
          Egress: false,
          Protocol: "1",
          RuleAction: "deny" as const,
          CidrBlock: "0.0.0.0/0",
          IcmpTypeCode: { Type: 8, Code: -1 },
        },
      ],
    };
    const { resources } = normalizeEc2(raw({ networkAcls: [withIcmp] }), where);
    const icmp = (only(resources[0], "AWS::EC2::NetworkAcl").props.entries ?? []).find(
      (e) => e.protocol === "1",
    );
    expect(icmp).toMatchObject({ ruleNumber: 80, fromPort: 8, toPort: -1 });
  });

  it("VPCs keep their secondary IPv4 blocks and their IPv6 blocks", () => {
    const { resources } = normalizeEc2(
      raw({ vpcs: recorded<{ Vpcs: Ec2Raw["vpcs"] }>("DescribeVpcs_1").Vpcs }),
      where,
    );
    expect(resources.map((r) => r.props)).toEqual([
      {
        vpcId: "vpc-0d4f819d13b730139",
        cidrBlock: "10.0.0.0/16",
        cidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
        ipv6CidrBlocks: [],
        isDefault: false,
      },
      {
        vpcId: "vpc-f8c6d983",
        cidrBlock: "10.0.0.0/16",
        cidrBlocks: ["10.0.0.0/16"],
        ipv6CidrBlocks: ["2600:1f18:2466:4b00::/56"],
        isDefault: false,
      },
    ]);
  });
});
