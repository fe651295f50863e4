import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { Graph, IntegrityError } from "./graph.ts";

function account() {
  const b = new SnapshotBuilder("test:graph");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("main", { cidr: "10.0.0.0/16" });
  const s = a.subnet(v, "app-a", { cidr: "10.0.1.0/24", az: "us-east-2a" });
  const sg = a.securityGroup(v, "app", { ingress: [tcp(8080, "10.0.0.0/16")] });
  const i = a.instance(s, "app-1", { securityGroups: [sg] });
  return { snapshot: b.build(), v, s, sg, i };
}

describe("Graph", () => {
  it("indexes by id, type, parent and edges", () => {
    const { snapshot, v, s, sg, i } = account();
    const g = new Graph(snapshot);
    expect(g.get(i.id)?.name).toBe("app-1");
    expect(g.ofType("AWS::EC2::Instance").map((r) => r.props.instanceId)).toEqual([i.props.instanceId]);
    expect(g.children(v.vpc.id).map((r) => r.type)).toContain("AWS::EC2::Subnet");
    expect(
      g
        .children(s.id)
        .map((r) => r.type)
        .sort(),
    ).toEqual(["AWS::EC2::Instance", "AWS::EC2::NetworkInterface"]);
    expect(g.out(i.id, "uses").map((e) => e.to)).toEqual([sg.id]);
    expect(
      g
        .in(sg.id, "uses")
        .map((e) => e.from)
        .sort(),
    ).toHaveLength(2);
    expect(g.ec2(i, "subnet", i.props.subnetId, "AWS::EC2::Subnet")?.id).toBe(s.id);
    expect(g.getOfType(i.id, "AWS::EC2::VPC")).toBeUndefined();
  });

  it("refuses a snapshot with a dangling edge", () => {
    const { snapshot, i } = account();
    const broken = {
      ...snapshot,
      edges: [...snapshot.edges, { from: i.id, to: "arn:nowhere", kind: "uses" as const }],
    };
    expect(() => new Graph(broken)).toThrow(IntegrityError);
  });
});
