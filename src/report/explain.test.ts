import { describe, expect, it } from "vitest";
import { tcp } from "../../fixtures/builder.ts";
import { computeFacts } from "../analysis/facts.ts";
import { Graph } from "../model/graph.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { runChecks } from "../rules/engine.ts";
import { RULES } from "../rules/index.ts";
import { account, NOW, network } from "../rules/test-helpers.ts";
import { explain, formatExplanation } from "./explain.ts";

/** A public subnet on an explicit table, one left on the VPC's main table, and a bastion open to SSH. */
function shop() {
  const { b, a } = account();
  const { v, pub, priv } = network(a);
  const other = a.subnet(v, "main-table-subnet", { cidr: "10.0.20.0/24", az: "us-east-2b" });
  const sg = a.securityGroup(v, "bastion", { ingress: [tcp(22, "0.0.0.0/0")] });
  a.instance(pub, "bastion", { securityGroups: [sg], publicIp: true, tags: { Name: "bastion" } });
  return { b, pub, priv, other };
}

function explained(snapshot: Snapshot, id: string) {
  const graph = new Graph(snapshot);
  const facts = computeFacts(graph);
  const { findings, unverified } = runChecks(RULES, graph, { facts, now: NOW });
  const r = graph.get(id);
  if (!r) throw new Error(`no ${id}`);
  return explain(graph, facts, r, findings, undefined, unverified);
}

describe("explain", () => {
  it("explains a subnet: its class, the route table that applies (explicit or main), the deciding route, its NACL", () => {
    const { b, pub, other } = shop();
    const snapshot = b.build();
    const x = explained(snapshot, pub.id);
    expect(x.subnets).toHaveLength(1);
    expect(x.subnets[0]).toMatchObject({
      class: "public",
      routeTable: {
        association: "explicit",
        routes: expect.arrayContaining([expect.stringMatching(/^0\.0\.0\.0\/0 → igw-/)]),
      },
      decidingRoute: expect.stringMatching(/^0\.0\.0\.0\/0 → igw-/),
      nacl: { isDefault: true, inbound: [expect.stringMatching(/allow all from 0\.0\.0\.0\/0/)] },
    });
    const text = formatExplanation(x);
    expect(text).toMatch(/^Network$/m);
    expect(text).toMatch(/← decides the class/);
    expect(text).not.toMatch(/not in a VPC subnet/);
    // A subnet without an association of its own uses the VPC's main table, and says so.
    const y = explained(snapshot, other.id);
    expect(y.subnets[0]?.routeTable?.association).toBe("main");
    expect(formatExplanation(y)).toMatch(/the VPC's main table: this subnet has no association of its own/);
  });

  it("shows what was not recorded as unknown: the class, the exposure, the NACL, the unverified checks", () => {
    const { b, pub } = shop();
    const snapshot = b.build();
    // A dump without ec2-describe-route-tables.json and without the network ACLs.
    snapshot.resources = snapshot.resources.filter(
      (r) => r.type !== "AWS::EC2::RouteTable" && r.type !== "AWS::EC2::NetworkAcl",
    );
    snapshot.edges = snapshot.edges.filter(
      (e) => !e.from.includes(":route-table/") && !e.from.includes(":network-acl/"),
    );
    for (const c of snapshot.coverage)
      if (c.service === "ec2")
        Object.assign(c, {
          status: "partial",
          error: "partial import: no ec2-describe-route-tables.json, ec2-describe-network-acls.json",
          notRecorded: ["AWS::EC2::RouteTable", "AWS::EC2::NetworkAcl"],
        });
    const subnet = explained(snapshot, pub.id);
    expect(subnet.subnets[0]?.class).toBe("unknown");
    expect(subnet.subnets[0]?.nacl).toEqual({
      notRecorded: expect.stringMatching(/^ec2 in 111111111111 us-east-2: partial/),
    });
    const bastion = snapshot.resources.find((r) => r.name === "bastion" && r.type === "AWS::EC2::Instance");
    const x = explained(snapshot, bastion?.id ?? "");
    // Not "no path from the internet": SSH may be reachable, and the reasons say why it is not known.
    expect(x.exposure.world.ports).toBe("");
    expect(x.exposure.world.unknown?.ports).toBe("22");
    expect(x.exposure.world.unknown?.reasons.join(" ")).toMatch(/route table/);
    const text = formatExplanation(x);
    expect(text).not.toMatch(/none: no path from the internet/);
    expect(text).toMatch(/any address tcp\/22: unknown, possible if what was not recorded allows it/);
    expect(text).toMatch(/^Unverified \(\d+\)/m);
  });
});
