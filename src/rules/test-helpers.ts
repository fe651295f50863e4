import { type AccountBuilder, SnapshotBuilder, type VpcWithDefaults } from "../../fixtures/builder.ts";
import { parseSpec } from "../architecture/load.ts";
import { Graph } from "../model/graph.ts";
import { runRules } from "./engine.ts";
import type { Finding } from "./finding.ts";
import type { Rule } from "./types.ts";

export const NOW = new Date("2026-11-01T09:00:00Z");

/** A VPC with one public subnet (routed to an IGW) and one private subnet (routed to a NAT gateway). */
export function network(
  a: AccountBuilder,
  name = "main",
  cidr = "10.0.0.0/16",
  tags: Record<string, string> = {},
) {
  const base = cidr.split(".").slice(0, 2).join(".");
  const v: VpcWithDefaults = a.vpc(name, { cidr, tags });
  const igw = a.internetGateway(v, `${name}-igw`);
  const pub = a.subnet(v, `${name}-public-a`, { cidr: `${base}.0.0/24`, az: "us-east-2a", tags });
  const pub2 = a.subnet(v, `${name}-public-b`, { cidr: `${base}.1.0/24`, az: "us-east-2b", tags });
  const priv = a.subnet(v, `${name}-private-a`, { cidr: `${base}.10.0/24`, az: "us-east-2a", tags });
  a.routeTable(v, `${name}-public`, {
    subnets: [pub, pub2],
    routes: [{ destination: "0.0.0.0/0", via: igw }],
  });
  const nat = a.natGateway(pub, `${name}-nat`);
  a.routeTable(v, `${name}-private`, { subnets: [priv], routes: [{ destination: "0.0.0.0/0", via: nat }] });
  return { v, pub, pub2, priv };
}

export function account(): { b: SnapshotBuilder; a: AccountBuilder } {
  const b = new SnapshotBuilder("test:rules");
  return { b, a: b.in("111111111111", "us-east-2") };
}

/** Runs one rule over the built account (with an optional spec text) and returns its findings. */
export function findingsOf(rule: Rule, b: SnapshotBuilder, specYaml?: string): Finding[] {
  const graph = new Graph(b.build());
  const spec = specYaml ? parseSpec(specYaml, "architecture.yaml") : undefined;
  return runRules([rule], graph, { spec, now: NOW });
}
