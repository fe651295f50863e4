import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { computeFacts } from "../../src/analysis/facts.ts";
import { parseSpec } from "../../src/architecture/load.ts";
import { draftWithDecisions } from "../../src/cli/init.ts";
import { importPaths } from "../../src/collector/import/index.ts";
import { Graph } from "../../src/model/graph.ts";
import { saveSnapshot } from "../../src/model/io.ts";
import { runChecks } from "../../src/rules/engine.ts";
import { RULES } from "../../src/rules/index.ts";
import { asbuilt, ROOT } from "../run-cli.ts";
import { tempDir } from "../tmp.ts";
import { writeCliDump } from "./make-dumps.ts";

// `asbuilt init` on accounts nobody here built: CloudMapper's demo account as its collect wrote it, and each
// fixture as collect would have collected it (partial: no listeners, NAT gateways, WAF, ECS services…). The
// draft must be one its own account passes with `check --fail-on low`, but for the findings the draft
// itself lists under "To decide".

const dir = tempDir("asbuilt-init-real-");
const DEMO = join(ROOT, "src/collector/import/testdata/cloudmapper-demo");

/**
 * What a draft must get right by itself, whatever the account holds: its tiers, placements and flows are the
 * account's (the account may still fail best practice or tier properties, which the team decides).
 */
const DRAFT_OWN = new Set([
  "flow-undocumented",
  "flow-broken",
  "tier-placement",
  "tier-empty",
  "resource-undocumented",
  "environments-share-vpc",
]);

/** The findings a "To decide" comment lists, as "ruleId (resourceId)". */
function toDecide(yaml: string): string[] {
  const at = yaml.indexOf("# To decide:");
  expect(at, "the draft has a To decide section").toBeGreaterThan(0);
  return [...yaml.slice(at).matchAll(/^# {3}- \w+ ([\w-]+): .* \(([^()]+)\)$/gm)].map(
    (m) => `${m[1]} (${m[2]})`,
  );
}

describe("asbuilt init on real-shaped input", () => {
  it("CloudMapper's demo account: import, init, then check --fail-on low fails only on what the draft lists", async () => {
    const snapshot = join(dir, "demo.json");
    expect(asbuilt("import", DEMO, "-o", snapshot, "--quiet").code).toBe(0);
    const spec = join(dir, "demo.yaml");
    const init = asbuilt("init", snapshot, "-o", spec);
    expect(init.stderr).not.toMatch(/internal error/);
    expect(init.code).toBe(0);
    const yaml = await readFile(spec, "utf8");
    const check = asbuilt("check", snapshot, "--spec", spec, "--fail-on", "low", "--format", "json");
    expect(check.stderr).not.toMatch(/internal error/);
    const { findings } = JSON.parse(check.stdout) as { findings: { ruleId: string; resourceId: string }[] };
    const listed = toDecide(yaml);
    expect(findings.map((f) => `${f.ruleId} (${f.resourceId})`).filter((f) => !listed.includes(f))).toEqual(
      [],
    );
    expect(check.code).toBe(findings.length > 0 ? 1 : 0);
    expect(findings.filter((f) => DRAFT_OWN.has(f.ruleId))).toEqual([]);
    // The demo's standalone ECS task is in the account, so the draft places it in a tier or leaves it to decide.
    expect(yaml).toMatch(/select:/);
  });

  it.each(fixtureNames)("the %s fixture as CloudMapper's collect has it", async (name) => {
    const out = join(dir, `collect-${name}`);
    await writeCliDump(FIXTURES[name].build(), out, { collect: true });
    const { snapshot } = await importPaths([out]);
    await saveSnapshot(join(dir, `${name}.json`), snapshot);
    const graph = new Graph(snapshot);
    const yaml = draftWithDecisions(graph, name, "architecture.schema.json");
    const spec = parseSpec(yaml, `${name}.yaml`);
    const { findings } = runChecks(RULES, graph, { spec, facts: computeFacts(graph) });
    const listed = toDecide(yaml);
    expect(findings.map((f) => `${f.ruleId} (${f.resourceId})`).filter((f) => !listed.includes(f))).toEqual(
      [],
    );
  });
});
