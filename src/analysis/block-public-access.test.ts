import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { Graph } from "../model/graph.ts";
import { internetIngressBlock } from "./block-public-access.ts";

const build = (blockPublicAccess?: {
  mode: "off" | "block-bidirectional" | "block-ingress";
  exclusion: "allow-bidirectional" | "allow-egress" | null;
  subnetExclusions?: Record<string, "allow-bidirectional" | "allow-egress">;
}) => {
  const b = new SnapshotBuilder("test:bpa");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("main", {
    cidr: "10.0.0.0/16",
    ...(blockPublicAccess ? { blockPublicAccess: { subnetExclusions: {}, ...blockPublicAccess } } : {}),
  });
  const web = a.subnet(v, "web", { cidr: "10.0.0.0/24", az: "us-east-2a" });
  const other = a.subnet(v, "other", { cidr: "10.0.1.0/24", az: "us-east-2b" });
  return { graph: () => new Graph(b.build()), web, other, v };
};

describe("internetIngressBlock (VPC Block Public Access)", () => {
  it("unknown when not recorded; not blocked when off", () => {
    const { graph, web } = build();
    expect(internetIngressBlock(graph(), web)).toMatchObject({ blocked: undefined });
    const off = build({ mode: "off", exclusion: null });
    expect(internetIngressBlock(off.graph(), off.web)).toEqual({ blocked: false });
  });

  it("block-bidirectional and block-ingress keep the internet out", () => {
    for (const mode of ["block-bidirectional", "block-ingress"] as const) {
      const { graph, web } = build({ mode, exclusion: null });
      expect(internetIngressBlock(graph(), web)).toEqual({
        blocked: true,
        why: `VPC Block Public Access is ${mode} in 111111111111 us-east-2 and neither the VPC nor the subnet is excluded`,
      });
    }
  });

  it("an allow-bidirectional exclusion of the VPC or of the subnet lets it in; allow-egress does not", () => {
    const vpcExcluded = build({ mode: "block-bidirectional", exclusion: "allow-bidirectional" });
    expect(internetIngressBlock(vpcExcluded.graph(), vpcExcluded.web).blocked).toBe(false);
    const egressOnly = build({ mode: "block-bidirectional", exclusion: "allow-egress" });
    expect(internetIngressBlock(egressOnly.graph(), egressOnly.web)).toMatchObject({
      blocked: true,
      why: expect.stringMatching(/allows egress only/),
    });
  });

  it("a subnet exclusion applies to that subnet only", () => {
    const s = build({ mode: "block-ingress", exclusion: null });
    const vpcProps = s.v.vpc.props as { blockPublicAccess?: { subnetExclusions: Record<string, string> } };
    if (vpcProps.blockPublicAccess)
      vpcProps.blockPublicAccess.subnetExclusions[s.web.props.subnetId] = "allow-bidirectional";
    const g = s.graph();
    expect(internetIngressBlock(g, s.web).blocked).toBe(false);
    expect(internetIngressBlock(g, s.other).blocked).toBe(true);
  });
});
