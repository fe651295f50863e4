import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW, network } from "../test-helpers.ts";
import rule from "./alb-access-logs-disabled.ts";

describe("alb-access-logs-disabled", () => {
  it("reports ALBs with access logs off; NLBs and logging ALBs pass", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    const opts = { scheme: "internet-facing" as const, subnets: [pub, pub2], securityGroups: [] };
    a.loadBalancer(v, "quiet", { ...opts, attributes: { accessLogs: false } });
    a.loadBalancer(v, "logged", opts);
    a.loadBalancer(v, "tcp", { ...opts, type: "network", attributes: { accessLogs: false } });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.resourceName, x.evidence])).toEqual([
      ["quiet", ["attribute access_logs.s3.enabled is false"]],
    ]);
  });

  it("is unverified, not failed, when the attributes were not read", () => {
    const { b, a } = account();
    const { v, pub } = network(a);
    const lb = a.loadBalancer(v, "unread", { scheme: "internal", subnets: [pub], securityGroups: [] });
    delete (lb.props as { accessLogsEnabled?: boolean }).accessLogsEnabled;
    const checks = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified.map((u) => u.missing)).toEqual([
      ['the access_logs.s3.enabled attribute of LoadBalancer "unread" is not recorded'],
    ]);
  });
});
