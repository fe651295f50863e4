import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFindingsJson, FIXTURE_NOW, fixtureChecks } from "../fixtures/golden.ts";
import { FIXTURES, fixtureNames } from "../fixtures/index.ts";
import { serializeSnapshot } from "../src/model/io.ts";

// Each seed fixture is committed twice: as code (build.ts) and as data (snapshot.json), plus the
// findings asbuilt must produce for it. When one of these fails, run `npm run fixtures`, then read
// the diff of expected-findings.json as a reviewer would: every change must be intended.

describe.each(fixtureNames)("fixture %s", (name) => {
  const fixture = FIXTURES[name];

  it("snapshot.json is what build.ts builds (not stale)", () => {
    expect(readFileSync(join(fixture.dir, "snapshot.json"), "utf8")).toBe(serializeSnapshot(fixture.build()));
  });

  it("records everything, so no check is left unverified", async () => {
    expect((await fixtureChecks(name)).unverified).toEqual([]);
  });

  it("produces exactly its expected findings", async () => {
    const actual = await expectedFindingsJson(name);
    expect(actual).toBe(readFileSync(join(fixture.dir, "expected-findings.json"), "utf8"));
  });

  it("has findings for the defects its README plants", () => {
    const readme = readFileSync(join(fixture.dir, "README.md"), "utf8");
    const findings = JSON.parse(readFileSync(join(fixture.dir, "expected-findings.json"), "utf8")) as {
      ruleId: string;
    }[];
    const ruleIds = new Set(findings.map((f) => f.ruleId));
    // The rule column (third) of the README's "Planted defects" table names the rule each defect trips.
    const table = readme.split("## Planted defects")[1]?.split("\n## ")[0] ?? "";
    const planted = table
      .split("\n")
      .filter((line) => line.startsWith("|") && !line.startsWith("|---"))
      .slice(1)
      .flatMap((line) => [...(line.split("|")[3] ?? "").matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] ?? ""));
    expect(planted.length).toBeGreaterThan(0);
    for (const id of new Set(planted)) expect(ruleIds, `${name}: README says ${id} fires`).toContain(id);
  });
});

it("fixtures are judged at a fixed time, so waivers do not expire under the tests", () => {
  expect(FIXTURE_NOW.toISOString()).toBe("2026-11-01T09:00:00.000Z");
});
