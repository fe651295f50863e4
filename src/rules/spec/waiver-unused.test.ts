import { describe, expect, it } from "vitest";
import { parseSpec } from "../../architecture/load.ts";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { documentedShop, SHOP_SPEC } from "../spec-test-scenario.ts";
import { findingsOf, NOW } from "../test-helpers.ts";
import rule from "./waiver-unused.ts";

const waiver = (resource: string, expires = "2027-09-30") =>
  `  - { rule: tier-placement, resource: "${resource}", reason: "accepted until the CI move", expires: ${expires} }\n`;

// Tests run at 2026-11-01. The shop has instances tagged Role=app/bastion, named app-1, app-2, bastion.
const cases: { name: string; resource: string; expires?: string; unused: boolean }[] = [
  { name: "a tag that no resource carries", resource: "tag:Role=ci", unused: true },
  { name: "a tag value some resource has", resource: "tag:Role=bastion", unused: false },
  { name: "a tag glob that matches", resource: "tag:Role=app*", unused: false },
  { name: "a name with a typo", resource: "name:bastoin", unused: true },
  { name: "a name glob that matches", resource: "name:app-?", unused: false },
  { name: "a type present", resource: "type:AWS::RDS::DBInstance", unused: false },
  { name: "a type absent", resource: "type:AWS::ElastiCache::CacheCluster", unused: true },
  { name: "an ARN glob that matches", resource: "arn:aws:ec2:*:111111111111:instance/*", unused: false },
  { name: "an ARN of another account", resource: "arn:aws:ec2:*:999999999999:*", unused: true },
  { name: "everything", resource: "*", unused: false },
  {
    name: "an expired waiver (waiver-expired reports it)",
    resource: "tag:Role=ci",
    expires: "2026-09-30",
    unused: false,
  },
  { name: "a finding about the spec itself", resource: "asbuilt:spec/shop/tier/*", unused: false },
];

describe("waiver-unused", () => {
  for (const c of cases) {
    it(`${c.unused ? "reports" : "accepts"} ${c.name}`, () => {
      const f = findingsOf(
        rule,
        documentedShop().b,
        `${SHOP_SPEC}waivers:\n${waiver(c.resource, c.expires)}`,
      );
      expect(f.map((x) => [x.message, x.specLine, x.severity])).toEqual(
        c.unused
          ? [
              [
                `The waiver of tier-placement for ${c.resource} matches no resource in the snapshot.`,
                14,
                "low",
              ],
            ]
          : [],
      );
    });
  }

  it("points at the waiver in either form of waivers:", () => {
    const spec = `${SHOP_SPEC}waivers:\n  maxDays: 365\n  list:\n  ${waiver("name:x", "2026-12-01").trimEnd()}\n  ${waiver("name:ghost", "2026-12-01").trimEnd()}\n`;
    const f = findingsOf(rule, documentedShop().b, spec);
    expect(f.map((x) => [x.message, x.specLine])).toEqual([
      ["The waiver of tier-placement for name:ghost matches no resource in the snapshot.", 17],
      ["The waiver of tier-placement for name:x matches no resource in the snapshot.", 16],
    ]);
  });

  it("is unverified, not reported, when part of the scope was not read: the resource may be there", () => {
    const snapshot = documentedShop().b.build();
    const spec = parseSpec(`${SHOP_SPEC}waivers:\n${waiver("tag:Role=ci")}`, "architecture.yaml");
    const run = () => runChecks([rule], new Graph(snapshot), { spec, now: NOW });
    expect(run().findings).toHaveLength(1);
    snapshot.coverage.push({
      account: "111111111111",
      region: "us-east-2",
      service: "rds",
      status: "denied",
    });
    expect(run().findings).toEqual([]);
    expect(run().unverified.map((u) => u.missing)).toEqual([
      ["the resource may be in what was not read: rds in 111111111111 us-east-2: denied"],
    ]);
  });
});
