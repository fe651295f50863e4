import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { efsHandler } from "../aws-endpoint/services/efs.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/** An encrypted file system mounted in two private subnets, and an old unencrypted one without mount targets. */
function account() {
  const b = new SnapshotBuilder("test:efs");
  const a = b.in("123456789012", "us-east-2");
  const v = a.vpc("files", { cidr: "10.1.0.0/16" });
  const privA = a.subnet(v, "app-a", { cidr: "10.1.10.0/24", az: "us-east-2a" });
  const privB = a.subnet(v, "app-b", { cidr: "10.1.11.0/24", az: "us-east-2b" });
  const app = a.securityGroup(v, "app");
  const nfs = a.securityGroup(v, "nfs", { ingress: [tcp(2049, app)] });
  a.fileSystem("shared", { mountTargets: [privA, privB], securityGroups: [nfs], tags: { Team: "a & b" } });
  a.fileSystem("legacy", { encrypted: false });
  return b.build();
}

describe("EFS collector against the loopback endpoint", () => {
  it("scans file systems, mount targets and their groups back exactly, ENIs linked to their mount target", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: [ec2Handler, efsHandler],
      services: ["ec2", "efs"],
      types: new Set([...EC2_TYPES, "AWS::EFS::FileSystem", "AWS::EFS::MountTarget"]),
    });
    expect(result.snapshot.coverage.map((c) => `${c.service}:${c.status}`).sort()).toEqual([
      "ec2:scanned",
      "efs:scanned",
    ]);
    expect(actual).toEqual(expected);
    expect(actual.resources.filter((r) => r.type === "AWS::EFS::MountTarget")).toHaveLength(2);
  });
});
