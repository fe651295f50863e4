import { CertificateDetail$ } from "@aws-sdk/client-acm";
import { AutoScalingGroup$ } from "@aws-sdk/client-auto-scaling";
import { DescribeVpcs$, IpPermission$, NatGateway$, type Vpc } from "@aws-sdk/client-ec2";
import { Cluster$ } from "@aws-sdk/client-ecs";
import { DBCluster$ } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { fromJson, outputOf, withShapeIssues } from "./shape.ts";

describe("fromJson: JSON written by the CLI or AWS Config, read as the SDK's shape", () => {
  it("reads the CLI's PascalCase output as the operation's output", () => {
    const out = fromJson<{ Vpcs: Vpc[] }>(outputOf(DescribeVpcs$), {
      Vpcs: [
        { VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", IsDefault: false, Tags: [{ Key: "Name", Value: "a" }] },
      ],
      ResponseMetadata: { RequestId: "x" },
    });
    expect(out).toEqual({
      Vpcs: [
        { VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", IsDefault: false, Tags: [{ Key: "Name", Value: "a" }] },
      ],
    });
  });

  it("matches Config's Java-bean names whatever their case", () => {
    expect(
      fromJson(DBCluster$, {
        dbclusterIdentifier: "db",
        dbclusterMembers: [{ dbinstanceIdentifier: "db-1", isClusterWriter: true }],
        multiAZ: true,
        unknownField: 1,
      }),
    ).toEqual({
      DBClusterIdentifier: "db",
      DBClusterMembers: [{ DBInstanceIdentifier: "db-1", IsClusterWriter: true }],
      MultiAZ: true,
    });
    expect(fromJson(AutoScalingGroup$, { vpczoneIdentifier: "subnet-1,subnet-2" })).toEqual({
      VPCZoneIdentifier: "subnet-1,subnet-2",
    });
  });

  it("turns ISO strings and epoch numbers into Dates, and drops what is not a date", () => {
    const c = fromJson<{ NotAfter?: Date; NotBefore?: Date; CreatedAt?: Date; IssuedAt?: Date }>(
      CertificateDetail$,
      {
        notAfter: "2027-01-01T00:00:00.000Z",
        notBefore: 1767225600000,
        createdAt: 1767225600,
        issuedAt: "not a date",
      },
    );
    expect(c?.NotAfter?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(c?.NotBefore?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(c?.CreatedAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(c?.IssuedAt).toBeUndefined();
  });

  it("unwraps {value: …} scalars and reads numbers and booleans written as strings", () => {
    expect(fromJson(NatGateway$, { state: { value: "available" }, natGatewayId: "nat-1" })).toEqual({
      State: "available",
      NatGatewayId: "nat-1",
    });
    expect(fromJson(IpPermission$, { fromPort: "443", toPort: 443, ipProtocol: "tcp" })).toEqual({
      FromPort: 443,
      ToPort: 443,
      IpProtocol: "tcp",
    });
  });

  it("tries aliases first: CloudFormation's names and Config's ipv4Ranges", () => {
    expect(
      fromJson(
        Cluster$,
        {
          Arn: "arn:aws:ecs:eu-west-1:1:cluster/c",
          ClusterName: "c",
          ClusterSettings: [{ Name: "containerInsights", Value: "enabled" }],
        },
        { "Cluster.clusterArn": ["Arn"], "Cluster.settings": ["ClusterSettings"] },
      ),
    ).toEqual({
      clusterArn: "arn:aws:ecs:eu-west-1:1:cluster/c",
      clusterName: "c",
      settings: [{ name: "containerInsights", value: "enabled" }],
    });
    const config = {
      ipProtocol: "tcp",
      ipRanges: ["10.0.0.0/8"],
      ipv4Ranges: [{ cidrIp: "10.0.0.0/8", description: "vpn" }],
    };
    expect(fromJson(IpPermission$, config, { "IpPermission.IpRanges": ["ipv4Ranges"] })).toEqual({
      IpProtocol: "tcp",
      IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "vpn" }],
    });
    // Without the alias, bare strings where objects belong are not misread, nor read as an empty list
    // ("no ranges" would be a false fact): the member is absent, and withShapeIssues says why.
    const { value, issues } = withShapeIssues(() => fromJson(IpPermission$, config));
    expect(value).toEqual({ IpProtocol: "tcp" });
    expect(issues).toEqual(['ipRanges[0]: string "10.0.0.0/8" where an object is expected']);
    // Outside withShapeIssues nothing is collected.
    expect(fromJson(IpPermission$, config)).toEqual({ IpProtocol: "tcp" });
  });

  it("gives undefined for what is not of the shape", () => {
    expect(fromJson(NatGateway$, "nat-1")).toBeUndefined();
    expect(fromJson(NatGateway$, null)).toBeUndefined();
    expect(() => outputOf(NatGateway$)).toThrow(/not an operation schema/);
  });
});
