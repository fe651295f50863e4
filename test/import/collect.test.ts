import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { computeFacts } from "../../src/analysis/facts.ts";
import { importPaths } from "../../src/collector/import/index.ts";
import { Graph } from "../../src/model/graph.ts";
import { serializeSnapshot, validateSnapshot } from "../../src/model/io.ts";
import { SERVICE_TYPES } from "../../src/model/services.ts";
import type { Resource, Snapshot } from "../../src/model/snapshot.ts";
import { runChecks } from "../../src/rules/engine.ts";
import { RULES } from "../../src/rules/index.ts";
import { tempDir } from "../tmp.ts";
import { writeCliDump } from "./make-dumps.ts";

// Each fixture dumped as CloudMapper's `collect` writes it (make-dumps' `collect` layout: its
// collect_commands.yaml, per-load-balancer target groups, ECS tasks without clusters or services, private
// zones' VPCs by VPC, an account folder named after the account, describe-regions.json, us-east-1 always),
// then imported: what collect records is read exactly, what it does not is a coverage gap, and no finding
// comes from data nobody read.

const root = tempDir("asbuilt-collect-");
const canonical = (s: Snapshot) => JSON.parse(serializeSnapshot(s)) as Snapshot;

/** Types collect's files record whole (their tags included). */
const WHOLE = [
  "AWS::EC2::VPC",
  "AWS::EC2::Subnet",
  "AWS::EC2::RouteTable",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::EIP",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::NetworkAcl",
  "AWS::EC2::Instance",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::VPCEndpoint",
  "AWS::EC2::FlowLog",
  "AWS::EC2::Volume",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::RDS::DBInstance",
  "AWS::AutoScaling::AutoScalingGroup",
];

describe.each(fixtureNames)("a CloudMapper-style collection of the %s fixture", async (name) => {
  const fixture = canonical(FIXTURES[name].build());
  const dir = join(root, name);
  await writeCliDump(fixture, dir, { collect: true, accountDir: (a) => `account-${a.slice(-4)}` });
  const r = await importPaths([dir]);
  const imported = canonical(r.snapshot);
  const of = (s: Snapshot, types: readonly string[]) => s.resources.filter((x) => types.includes(x.type));

  it("loads, and reads what collect records exactly", () => {
    expect(validateSnapshot(imported).ok).toBe(true);
    expect(of(imported, WHOLE)).toEqual(of(fixture, WHOLE));
    // Target groups that a load balancer uses, with their targets (collect lists them per load balancer).
    const used = (s: Snapshot) =>
      of(s, ["AWS::ElasticLoadBalancingV2::TargetGroup"])
        .filter((t) => (t.props as { loadBalancerArns: string[] }).loadBalancerArns.length > 0)
        .map((t) => ({ ...t, tags: {} }));
    expect(used(imported)).toEqual(used(fixture));
  });

  it("keeps every ENI, attached to its owner where collect read it (a service's task ENI to the task)", () => {
    const enis = (s: Snapshot) => of(s, ["AWS::EC2::NetworkInterface"]);
    expect(enis(imported).map((e) => e.id)).toEqual(enis(fixture).map((e) => e.id));
    const byId = new Map(imported.resources.map((x) => [x.id, x]));
    for (const e of enis(fixture)) {
      const owner = (e.props as { attachedTo: string | null }).attachedTo;
      const now = (byId.get(e.id)?.props as { attachedTo: string | null } | undefined)?.attachedTo;
      if (owner?.includes(":service/")) expect(byId.get(now ?? "")?.type).toBe("AWS::ECS::Task");
      // An owner collect does not describe (a NAT gateway) leaves the ENI unattached, not attached wrongly.
      else expect(now).toBe(owner && byId.has(owner) ? owner : null);
    }
  });

  it("says per account, region and service what it lacks, and never that a global service it read is not there", () => {
    for (const account of fixture.scope.accounts)
      for (const [service, s] of Object.entries(SERVICE_TYPES)) {
        const entries = imported.coverage.filter((c) => c.account === account && c.service === service);
        expect(entries.length, `${account} ${service}`).toBeGreaterThan(0);
        if (s.global) {
          expect(entries.map((c) => c.region)).toEqual(["global"]);
          // s3-list-buckets.json, cloudfront-list-distributions.json, route53-list-hosted-zones.json are in us-east-1.
          if (service !== "route53") expect(entries[0]?.error ?? "").not.toMatch(/not in the import/);
        }
      }
    const at = (service: string) =>
      imported.coverage
        .filter((c) => c.service === service && c.status !== "scanned")
        .map((c) => c.notRecorded);
    expect(at("ec2").every((n) => n?.includes("AWS::EC2::NatGateway"))).toBe(true);
    expect(at("wafv2").length).toBeGreaterThan(0);
  });

  it("loses no exposure through a load balancer whose listeners collect did not record: it is unknown, not none", () => {
    const before = computeFacts(new Graph(fixture)).reach;
    const after = computeFacts(new Graph(imported)).reach;
    const byId = new Map(imported.resources.map((x) => [x.id, x]));
    const open = (p: { ports: readonly unknown[]; unknown?: { ports: readonly unknown[] } }) =>
      p.ports.length > 0 || (p.unknown?.ports.length ?? 0) > 0;
    let behind = 0;
    for (const r of fixture.resources) {
      if (!before.exposure(r).viaLoadBalancers.some((v) => open(v.path))) continue;
      // An ECS service (collect describes none): each of its tasks is asked, through the ENIs it runs on.
      const tasks = of(imported, ["AWS::ECS::Task"]).filter((t) =>
        (t.props as { networkInterfaceIds: string[] }).networkInterfaceIds.some(
          (eni) =>
            (
              fixture.resources.find((e) => e.id.endsWith(`:network-interface/${eni}`))?.props as {
                attachedTo?: string;
              }
            )?.attachedTo === r.id,
        ),
      );
      for (const now of byId.has(r.id) ? [byId.get(r.id) as Resource] : tasks) {
        behind++;
        expect(
          after.exposure(now).viaLoadBalancers.some((v) => open(v.path)),
          `${now.id} (${r.id} in the fixture) is exposed through a load balancer in the fixture`,
        ).toBe(true);
      }
    }
    process.stdout.write(`collect ${name}: ${behind} resource(s) exposed through a load balancer checked\n`);
    expect(behind > 0).toBe(
      fixture.resources.some((r) => r.type === "AWS::ElasticLoadBalancingV2::Listener"),
    );
  });

  it("reports no finding the fixture does not have: nothing fails on data collect did not record", () => {
    const key = (f: { ruleId: string; resourceId: string }) => `${f.ruleId} ${f.resourceId}`;
    const expected = new Set(runChecks(RULES, new Graph(fixture), { now: FIXTURE_NOW }).findings.map(key));
    const got = runChecks(RULES, new Graph(imported), { now: FIXTURE_NOW }).findings.map(key);
    expect(got.filter((k) => !expected.has(k))).toEqual([]);
  });
});
