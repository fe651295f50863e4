import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asbuilt, ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

const snap = (name: string) => join(ROOT, "fixtures", name, "snapshot.json");

describe("asbuilt init", () => {
  it("drafts a spec that the account then passes conformance against, and refuses to overwrite", async () => {
    const dir = tempDir("asbuilt-init-");
    const spec = join(dir, "architecture.yaml");
    const r = asbuilt("init", snap("coherence"), "-o", spec);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/drafted .*architecture\.yaml from \d+ resources/);
    expect(await readFile(spec, "utf8")).toMatch(/^# Drafted by asbuilt init from fixture:coherence/);
    const check = JSON.parse(
      asbuilt("check", snap("coherence"), "--spec", spec, "--format", "json").stdout,
    ) as { findings: { ruleId: string }[] };
    expect(
      check.findings.filter((f) => f.ruleId.startsWith("flow-") || f.ruleId === "tier-placement"),
    ).toEqual([]);
    const again = asbuilt("init", snap("coherence"), "-o", spec);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; asbuilt init does not overwrite a spec\.[\s\S]*--force/);
  });
});

describe("asbuilt explain", () => {
  it("explains exposure through a load balancer and who can reach a resource, with evidence", () => {
    const r = asbuilt(
      "explain",
      snap("status-page"),
      "status-page-app-1",
      "--spec",
      join(ROOT, "fixtures/status-page/architecture.yaml"),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/through load balancer status-page-alb:443 → tcp\/8000/);
    expect(r.stdout).toMatch(/bastion \(Instance\) on tcp\/22/);
    expect(r.stdout).toMatch(/tier app, environment production/);
  });

  it("answers in JSON, and finds resources by native id", () => {
    const db = JSON.parse(asbuilt("explain", snap("edroplets"), "edroplets-mysql", "--json").stdout);
    expect(db.exposure.world.ports).toBe("3306");
    // "edroplets-web" names both the instance and its security group: the instance is meant.
    const byName = asbuilt("explain", snap("edroplets"), "edroplets-web", "--json");
    const instanceId = /explaining Instance (i-[0-9a-f]+)/.exec(byName.stderr)?.[1] ?? "";
    expect(JSON.parse(byName.stdout).resource.type).toBe("AWS::EC2::Instance");
    const web = JSON.parse(asbuilt("explain", snap("edroplets"), instanceId, "--json").stdout);
    expect(web.resource.type).toBe("AWS::EC2::Instance");
    expect(web.exposure.world.ports).toBe("22, 80, 443");
  });

  it("says clearly when a name is unknown or ambiguous (exit 2)", async () => {
    const unknown = asbuilt("explain", snap("edroplets"), "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no resource "nope" in the snapshot/);
    const ambiguous = asbuilt("explain", snap("coursedog"), "default");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"default" names 3 resources/);
    void writeFile;
  });
});
