import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { importPaths } from "../../src/collector/import/index.ts";
import type { VpcProps } from "../../src/model/props.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { writeCliDump } from "../import/make-dumps.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

const bpaOf = (r: { props: unknown }) => (r.props as VpcProps).blockPublicAccess;

/** A region in block-bidirectional mode: one VPC excluded both ways, a subnet of the other egress-only. */
function account() {
  const b = new SnapshotBuilder("test:vpc-bpa");
  const a = b.in("123456789012", "us-east-2");
  const mode = "block-bidirectional" as const;
  const open = a.vpc("public-web", {
    cidr: "10.3.0.0/16",
    blockPublicAccess: { mode, exclusion: "allow-bidirectional", subnetExclusions: {} },
  });
  a.subnet(open, "web-a", { cidr: "10.3.0.0/24", az: "us-east-2a" });
  const shut = a.vpc("internal", {
    cidr: "10.4.0.0/16",
    blockPublicAccess: { mode, exclusion: null, subnetExclusions: {} },
  });
  const batch = a.subnet(shut, "batch-a", { cidr: "10.4.0.0/24", az: "us-east-2a" });
  (shut.vpc.props.blockPublicAccess as { subnetExclusions: Record<string, string> }).subnetExclusions[
    batch.props.subnetId
  ] = "allow-egress";
  a.securityGroup(shut, "batch", { ingress: [tcp(22, "10.0.0.0/8")] });
  return b.build();
}

describe("VPC Block Public Access against the loopback endpoint and from a dump", () => {
  it("scans the region's mode and exclusions back onto each VPC", async () => {
    const { expected, actual } = await roundTrip(account(), {
      handlers: [ec2Handler],
      services: ["ec2"],
      types: new Set(EC2_TYPES),
    });
    expect(actual).toEqual(expected);
    // Both VPCs carry it, the exclusions included (so the comparison above is not vacuous).
    const modes = actual.resources.filter((r) => r.type === "AWS::EC2::VPC").map(bpaOf);
    expect(modes.map((m) => m?.exclusion).sort()).toEqual(["allow-bidirectional", null]);
    expect(modes.flatMap((m) => Object.values(m?.subnetExclusions ?? {}))).toEqual(["allow-egress"]);
  });

  it("reads it from a dump's two files; without them the VPCs' value is unknown", async () => {
    const fixture = account();
    const dir = await mkdtemp(join(tmpdir(), "asbuilt-bpa-"));
    await writeCliDump(fixture, dir);
    const withFiles = await importPaths([dir]);
    const vpcs = (s: typeof withFiles.snapshot) =>
      s.resources.filter((r) => r.type === "AWS::EC2::VPC").map(bpaOf);
    expect(vpcs(withFiles.snapshot)).toEqual(
      fixture.resources.filter((r) => r.type === "AWS::EC2::VPC").map(bpaOf),
    );
    const collected = await mkdtemp(join(tmpdir(), "asbuilt-bpa-"));
    await writeCliDump(fixture, collected, { collect: true });
    expect(vpcs((await importPaths([collected])).snapshot)).toEqual([undefined, undefined]);
  });
});
