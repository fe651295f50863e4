import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { InputError } from "../model/errors.ts";
import { parseSpec } from "./load.ts";
import { matchesResourcePattern } from "./select.ts";

function specError(text: string): InputError {
  try {
    parseSpec(text, "architecture.yaml");
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

const VALID = `name: shop
environments: { tag: Environment, values: [dev, production] }
tags: { required: [Environment, Owner] }
tiers:
  edge:
    select: { type: AWS::ElasticLoadBalancingV2::LoadBalancer }
    placement: public
    waf: required
  app:
    select: { tags: { Role: app } }
    placement: private
flows:
  - { from: internet, to: edge, ports: [443] }
  - { from: edge, to: app, ports: ["8000-8100"] }
waivers:
  - { rule: tier-placement, resource: "tag:Name=ci-*", reason: "CI runner accepted in public subnet", expires: 2027-06-30 }
`;

describe("parseSpec", () => {
  it("loads a valid spec with defaults and line numbers", () => {
    const s = parseSpec(VALID, "architecture.yaml");
    expect(s.spec.tiers.app?.placement).toBe("private");
    expect(s.spec.tiers.app?.waf).toBe("optional");
    expect(s.spec.environments?.isolation).toBe("vpc");
    expect(s.lineOf(["tiers", "app"])).toBe(10);
    expect(s.lineOf(["waivers", 0])).toBe(16);
  });

  it("selects tiers and environments of resources", () => {
    const s = parseSpec(VALID, "architecture.yaml");
    const b = new SnapshotBuilder("t").in("111111111111", "us-east-2");
    const v = b.vpc("v", { cidr: "10.0.0.0/16" });
    const sub = b.subnet(v, "s", { cidr: "10.0.1.0/24", az: "us-east-2a" });
    const app = b.instance(sub, "ci-runner", {
      securityGroups: [],
      tags: { Role: "app", Environment: "dev" },
    });
    expect(s.tiersOf(app)).toEqual(["app"]);
    expect(s.environmentOf(app)).toBe("dev");
    expect(matchesResourcePattern(app, "tag:Name=ci-*")).toBe(true);
    expect(matchesResourcePattern(app, "name:web-*")).toBe(false);
    expect(matchesResourcePattern(app, "arn:aws:ec2:*:111111111111:instance/*")).toBe(true);
  });

  it.each([
    [
      "an unknown key, with what is allowed there",
      VALID.replace("    placement: private", "    placment: private"),
      /architecture\.yaml:11:5: tiers\.app\.placment: unknown key "placment"; allowed here: description, select, placement, waf, tls, multiAz, encryption/,
    ],
    [
      "a bad enum value",
      VALID.replace("placement: private", "placement: sideways"),
      /architecture\.yaml:11:16: tiers\.app\.placement: expected one of "public"\|"private"\|"isolated"\|"any"/,
    ],
    [
      "a short waiver reason",
      VALID.replace("CI runner accepted in public subnet", "ok"),
      /architecture\.yaml:16:\d+: waivers\[0\]\.reason: a waiver's reason must say why, in at least 10 characters/,
    ],
    [
      "a flow to an unknown tier",
      VALID.replace("to: app", "to: apps"),
      /architecture\.yaml:14:\d+: flows\[1\]\.to: "apps" is not a tier; allowed: internet, edge, app/,
    ],
    [
      "an empty selector",
      VALID.replace("select: { tags: { Role: app } }", "select: {}"),
      /architecture\.yaml:10:\d+: tiers\.app\.select: a selector needs at least one of: type, tags, name, arn/,
    ],
    ["a missing name", VALID.replace("name: shop\n", ""), /name: expected string, received undefined/],
  ])("reports %s with file:line:column", (_, text, pattern) => {
    const err = specError(text);
    expect(`${err.format()}`).toMatch(pattern);
  });

  it("reports YAML syntax errors with their position", () => {
    const err = specError("name: x\ntiers:\n  app: {select: [\n");
    expect(err.message).toMatch(/^the spec is not valid YAML/);
    expect(err.where?.line).toBeGreaterThanOrEqual(3);
  });
});
