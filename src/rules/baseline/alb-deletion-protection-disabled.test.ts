import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./alb-deletion-protection-disabled.ts";

describe("alb-deletion-protection-disabled", () => {
  it("reports ALBs without deletion protection; NLBs and protected ALBs pass", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    const opts = { scheme: "internet-facing" as const, subnets: [pub, pub2], securityGroups: [] };
    a.loadBalancer(v, "fragile", { ...opts, attributes: { deletionProtection: false } });
    a.loadBalancer(v, "guarded", opts);
    a.loadBalancer(v, "tcp", { ...opts, type: "network", attributes: { deletionProtection: false } });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.resourceName, x.evidence])).toEqual([
      ["fragile", ["attribute deletion_protection.enabled is false"]],
    ]);
  });

  it("is unverified, not failed, when the attributes were not read", () => {
    const { b, a } = account();
    const { v, pub } = network(a);
    const lb = a.loadBalancer(v, "unread", { scheme: "internal", subnets: [pub], securityGroups: [] });
    delete (lb.props as { deletionProtection?: boolean }).deletionProtection;
    const checks = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified.map((u) => u.missing)).toEqual([
      ['the deletion_protection.enabled attribute of LoadBalancer "unread" is not recorded'],
    ]);
  });
});
