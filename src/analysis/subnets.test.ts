import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { Graph } from "../model/graph.ts";
import { classifySubnets } from "./subnets.ts";

// Public vs private comes from routes, never from names: each subnet here is named to mislead.
function account() {
  const b = new SnapshotBuilder("test:subnets");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("main", { cidr: "10.0.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const routedToIgw = a.subnet(v, "private-looking", { cidr: "10.0.1.0/24", az: "us-east-2a" });
  const natSubnet = a.subnet(v, "public-nat-home", { cidr: "10.0.2.0/24", az: "us-east-2a" });
  const behindNat = a.subnet(v, "public-but-nat", { cidr: "10.0.3.0/24", az: "us-east-2b" });
  const onMain = a.subnet(v, "no-association", { cidr: "10.0.4.0/24", az: "us-east-2b" });
  const v6 = a.subnet(v, "ipv6-only-igw", { cidr: "10.0.5.0/24", az: "us-east-2c" });
  a.routeTable(v, "rt-igw", {
    subnets: [routedToIgw, natSubnet],
    routes: [{ destination: "0.0.0.0/0", via: igw }],
  });
  const nat = a.natGateway(natSubnet, "nat-a");
  a.routeTable(v, "rt-nat", { subnets: [behindNat], routes: [{ destination: "0.0.0.0/0", via: nat }] });
  a.routeTable(v, "rt-v6", { subnets: [v6], routes: [{ destination: "::/0", via: igw }] });
  return { b, a, v, igw, routedToIgw, behindNat, onMain, v6 };
}

describe("classifySubnets", () => {
  it("uses explicit associations, falls back to the main route table, and ignores names", () => {
    const { b, routedToIgw, behindNat, onMain, v6 } = account();
    const facts = classifySubnets(new Graph(b.build()));
    expect(facts.get(routedToIgw.id)?.class).toBe("public");
    expect(facts.get(routedToIgw.id)?.explicitAssociation).toBe(true);
    expect(facts.get(behindNat.id)?.class).toBe("private");
    expect(facts.get(behindNat.id)?.defaultRoute?.targetKind).toBe("nat-gateway");
    expect(facts.get(onMain.id)?.class).toBe("isolated");
    expect(facts.get(onMain.id)?.explicitAssociation).toBe(false);
    expect(facts.get(v6.id)?.class).toBe("public");
  });

  it("makes unassociated subnets public when the main route table routes to the internet gateway", () => {
    const { b, a, v, igw, onMain } = account();
    a.addRoute(v.mainRouteTable, "0.0.0.0/0", igw);
    const facts = classifySubnets(new Graph(b.build()));
    expect(facts.get(onMain.id)?.class).toBe("public");
    expect(facts.get(onMain.id)?.routeTable?.props.main).toBe(true);
  });
});
