import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import { InputError } from "../model/errors.ts";
import { parseSpec, type SpecOptions } from "./load.ts";
import { matchesResourcePattern } from "./select.ts";

function specError(text: string, opts: SpecOptions = {}): InputError {
  try {
    parseSpec(text, "architecture.yaml", opts);
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

const waiverSpec = (fields: string) => `name: shop\nwaivers:\n  - { ${fields} }\n`;
const REASON = 'reason: "CI runner accepted in public subnet"';

describe("waivers, validated as a security gate needs", () => {
  it("takes only real calendar dates", () => {
    for (const [date, why] of [
      ["2027-13-45", "there is no month 13"],
      ["2027-02-29", "month 2 of 2027 has 28 days"],
      ["2027-04-31", "month 4 of 2027 has 30 days"],
      ["2027-00-10", "there is no month 0"],
    ] as const) {
      const err = specError(waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: ${date}`));
      expect(err.details[0]).toMatch(
        new RegExp(
          `architecture\\.yaml:3:\\d+: waivers\\[0\\]\\.expires: ${date} is not a calendar date: ${why}$`,
        ),
      );
    }
    expect(
      specError(waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: 30/06/2027`)).details[0],
    ).toMatch(/waivers\[0\]\.expires: expected a date such as 2027-06-30/);
    expect(
      parseSpec(waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: 2028-02-29`), "a.yaml").spec.waivers
        .list,
    ).toHaveLength(1);
  });

  it("says what each missing field is for, not 'expected string, received undefined'", () => {
    const err = specError(waiverSpec("rule: tier-placement"));
    const text = err.details.join("\n");
    expect(text).toContain(
      "waivers[0].expires: every waiver needs an expiry date, such as expires: 2027-06-30",
    );
    expect(text).toContain("waivers[0].reason: every waiver needs a reason");
    expect(text).toContain("waivers[0].resource: every waiver names what it covers");
    expect(text).not.toMatch(/received undefined|Invalid input/);
    // The same inside the { maxDays, list } form.
    const capped = specError(
      "name: shop\nwaivers:\n  maxDays: 30\n  list:\n    - { rule: x, resource: y }\n",
    );
    expect(capped.details.join("\n")).toContain("waivers.list[0].expires: every waiver needs an expiry date");
  });

  it("rejects a waiver or a rules: entry naming a rule that does not exist, with a suggestion", () => {
    const known = ["tier-placement", "rds-single-az", "imdsv1-enabled"];
    const err = specError(
      `${waiverSpec(`rule: tier-placment, resource: "*", ${REASON}, expires: 2027-06-30`)}  - { rule: no-such-thing, resource: "*", ${REASON}, expires: 2027-06-30 }\nrules:\n  rds-singleaz: off\n`,
      { knownRules: known },
    );
    expect(err.details).toEqual([
      'architecture.yaml:3:13: waivers[0].rule: no rule is called "tier-placment"; did you mean "tier-placement"?',
      'architecture.yaml:4:13: waivers[1].rule: no rule is called "no-such-thing" (docs/rules.md lists them)',
      'architecture.yaml:6:17: rules.rds-singleaz: no rule is called "rds-singleaz"; did you mean "rds-single-az"?',
    ]);
    expect(
      parseSpec(waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: 2027-06-30`), "a.yaml", {
        knownRules: known,
      }),
    ).toBeDefined();
  });

  it("caps how far ahead a waiver may expire: waivers.maxDays, --max-waiver-days, the stricter wins", () => {
    const now = new Date("2026-11-01T12:00:00Z");
    const capped = (days: number, expires: string) =>
      `name: shop\nwaivers:\n  maxDays: ${days}\n  list:\n    - { rule: "*", resource: "*", ${REASON}, expires: ${expires} }\n`;
    expect(parseSpec(capped(90, "2027-01-30"), "a.yaml", { now }).spec.waivers).toMatchObject({
      maxDays: 90,
    });
    expect(specError(capped(90, "2027-01-31"), { now }).details).toEqual([
      "architecture.yaml:5:91: waivers.list[0].expires: 2027-01-31 is 91 days away; waivers.maxDays allows waivers of at most 90 days (until 2027-01-30)",
    ]);
    const list = waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: 2026-12-15`);
    expect(parseSpec(list, "a.yaml", { now, maxWaiverDays: 44 })).toBeDefined();
    expect(specError(list, { now, maxWaiverDays: 30 }).details[0]).toMatch(
      /waivers\[0\]\.expires: 2026-12-15 is 44 days away; --max-waiver-days allows waivers of at most 30 days/,
    );
    expect(specError(capped(10, "2026-12-15"), { now, maxWaiverDays: 30 }).details[0]).toMatch(
      /waivers\.maxDays allows waivers of at most 10 days/,
    );
    expect(specError("name: shop\nwaivers: { maxDays: 0 }\n").details[0]).toMatch(/waivers\.maxDays: /);
  });

  it("points at waivers in either form", () => {
    const listed = parseSpec(
      waiverSpec(`rule: "*", resource: "*", ${REASON}, expires: 2027-06-30`),
      "a.yaml",
    );
    expect(listed.waiverLine(0)).toBe(3);
    const capped = parseSpec(
      `name: shop\nwaivers:\n  maxDays: 365\n  list:\n    - { rule: "*", resource: "*", ${REASON}, expires: 2027-06-30 }\n`,
      "a.yaml",
    );
    expect(capped.waiverLine(0)).toBe(5);
    expect(parseSpec("name: shop\n", "a.yaml").spec.waivers).toEqual({ list: [] });
  });
});

describe("an empty spec", () => {
  it("says it is empty, or only comments, or not a map", () => {
    expect(specError("").format()).toMatch(
      /^architecture\.yaml: the spec file is empty\.\n.*name: my-system/,
    );
    expect(specError("\n  \n").message).toBe("the spec file is empty.");
    expect(specError("# nothing yet\n").message).toBe("the spec file has only comments, no settings.");
    expect(specError("- a\n- b\n").message).toBe("the spec is a YAML list, not a map of settings.");
    expect(specError("just words\n").message).toBe("the spec is a YAML single value, not a map of settings.");
  });
});

describe("YAML aliases (found by the fuzz tests: these were internal errors)", () => {
  it("an alias to no anchor is the user's YAML to fix, at its line", () => {
    const err = specError("name: shop\ntiers: *nowhere\n");
    expect(err.format()).toMatch(
      /^architecture\.yaml:2:8: the spec's YAML has an alias \(\*nowhere\) to no anchor defined before it\./,
    );
    expect(specError("---\n*\0").where).toEqual({ file: "architecture.yaml", line: 2, column: 1 });
  });

  it("an alias bomb stops at 100 expansions with a message", () => {
    const bomb = [
      "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "name: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    expect(specError(bomb).message).toMatch(/expands aliases too many times \(more than 100\)/);
  });
});
