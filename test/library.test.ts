import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./run-cli.ts";

// The package's library entry, as a user imports it: by its name, through package.json's exports, from the
// compiled bundle (the test run builds it first).

describe('import … from "asbuilt"', () => {
  it("loads a snapshot and a spec and analyzes them as asbuilt check does", async () => {
    // By name, as a user imports it; typed from the sources (the typecheck runs before a build writes dist/types).
    const name = "asbuilt";
    const asbuilt = (await import(name)) as typeof import("../src/index.ts");
    const dir = join(ROOT, "fixtures", "edroplets");
    const snapshot = await asbuilt.loadSnapshot(join(dir, "snapshot.json"));
    const spec = await asbuilt.loadSpec(join(dir, "architecture.yaml"));
    const { findings, unverified, facts } = asbuilt.analyze(snapshot, {
      spec,
      now: new Date("2026-11-01T09:00:00Z"),
    });
    expect(findings.map((f) => f.ruleId)).toContain("rds-publicly-accessible");
    expect(unverified).toEqual([]);
    const db = snapshot.resources.find((r) => r.type === "AWS::RDS::DBInstance");
    expect(db && facts.reach.exposure(db).world.ports).toEqual([[3306, 3306]]);
    expect(typeof asbuilt.scan).toBe("function");
    expect(Object.keys(asbuilt.FORMATTERS)).toEqual([...asbuilt.FORMAT_NAMES]);
    await expect(asbuilt.loadSnapshot(join(dir, "architecture.yaml"))).rejects.toBeInstanceOf(
      asbuilt.InputError,
    );
  });

  it('is the same API through require("asbuilt"): the ES module entry re-exports the CommonJS one', async () => {
    const name = "asbuilt";
    const esm = (await import(name)) as typeof import("../src/index.ts");
    const cjs = createRequire(import.meta.url)(name) as typeof import("../src/index.ts");
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(cjs)).toContain("analyze");
    const snapshot = await cjs.loadSnapshot(join(ROOT, "fixtures", "edroplets", "snapshot.json"));
    expect(cjs.analyze(snapshot).findings.length).toBe(esm.analyze(snapshot).findings.length);
  });
});
