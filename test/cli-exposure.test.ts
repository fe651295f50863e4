import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ExposureEntry } from "../src/analysis/exposure.ts";
import { asbuilt } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

describe("asbuilt exposure", () => {
  it("lists what the internet reaches on a seed fixture, in text, and json + markdown into a folder", () => {
    const text = asbuilt("exposure", "fixtures/edroplets/snapshot.json");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Reachable from the internet: 2 resources, 4 port ranges\./);
    expect(text.stdout).toContain(
      "EC2::Instance edroplets-web  tcp/22, tcp/80, tcp/443  directly, from anyone",
    );
    expect(text.stdout).toContain(
      'security group "edroplets-db" (sg-14a972050a5909127) ingress tcp/3306 from 0.0.0.0/0',
    );

    const dir = join(tempDir(), "out");
    const r = asbuilt(
      "exposure",
      "fixtures/edroplets/snapshot.json",
      "--spec",
      "fixtures/edroplets/architecture.yaml",
      "--format",
      "json,markdown",
      "-o",
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const json = z
      .strictObject({ exposure: z.array(ExposureEntry), unknown: z.array(ExposureEntry) })
      .parse(JSON.parse(readFileSync(join(dir, "exposure.json"), "utf8")));
    // With the spec, the web host's 80 and 443 are documented flows; SSH and MySQL are not.
    expect(json.exposure.map((e) => `${e.resourceName} ${e.traffic} ${e.documented}`)).toEqual([
      "edroplets-web tcp/22 false",
      "edroplets-web tcp/80 true",
      "edroplets-web tcp/443 true",
      "edroplets-mysql tcp/3306 false",
    ]);
    expect(readFileSync(join(dir, "exposure.md"), "utf8")).toMatch(/^# Internet exposure\n/);
  });

  it("judges what a load balancer forwards by the documented flows through it, as check does", () => {
    // status-page documents internet → edge (the ALB) and edge → app on 8000: the app instances behind the
    // ALB are documented (they were reported undocumented against a flow internet → app that no spec
    // writes); ci-runner's SSH and test-server's HTTP, which check reports as flow-undocumented, are not.
    const r = asbuilt(
      "exposure",
      "fixtures/status-page/snapshot.json",
      "--spec",
      "fixtures/status-page/architecture.yaml",
      "--format",
      "json",
    );
    expect(r.code, r.stderr).toBe(0);
    const json = z
      .strictObject({ exposure: z.array(ExposureEntry), unknown: z.array(ExposureEntry) })
      .parse(JSON.parse(r.stdout));
    const undocumented = json.exposure
      .filter((e) => !e.documented)
      .map((e) => `${e.resourceName} ${e.traffic}`);
    expect(undocumented).toEqual(["ci-runner tcp/22", "test-server tcp/80"]);
    expect(json.exposure.filter((e) => e.viaName === "status-page-alb").every((e) => e.documented)).toBe(
      true,
    );
  });

  it("rejects an unknown format with exit 2 and a fix", () => {
    const r = asbuilt("exposure", "fixtures/edroplets/snapshot.json", "--format", "html");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "html" in --format');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("exposure in the reports", () => {
  it("check's JSON has an exposure array, its Markdown an exposure section, the HTML review a table after the summary", async () => {
    const { analyzeFiles } = await import("../src/analyze.ts");
    const { findingsReportFor } = await import("../src/cli/serve.ts");
    const { renderHtmlReport } = await import("../src/report/html.tsx");
    const { formatMarkdown } = await import("../src/report/markdown.ts");
    const { ruleIndex } = await import("../src/analyze.ts");
    const { FindingsReport } = await import("../src/rules/finding.ts");
    const a = await analyzeFiles(
      "fixtures/status-page/snapshot.json",
      "fixtures/status-page/architecture.yaml",
    );
    const report = findingsReportFor(
      a.snapshot,
      a.findings,
      a.view(),
      "snapshot.json",
      "architecture.yaml",
      a.unverified,
      a.exposure(),
    );
    const parsed = FindingsReport.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.exposure?.map((e) => `${e.resourceName} ${e.traffic} ${e.via} ${e.unknown}`)).toContain(
      "status-page-app-1 tcp/8000 load-balancer false",
    );
    const md = formatMarkdown({
      version: "test",
      snapshotFile: "snapshot.json",
      snapshot: a.snapshot,
      findings: a.findings,
      unverified: a.unverified,
      rules: ruleIndex(),
      failOn: "high",
      exposure: a.exposure(),
    });
    expect(md).toMatch(/### Internet exposure\n\n\| resource \| traffic \| via \| from \| path \|/);
    expect(md.indexOf("### Internet exposure")).toBeLessThan(md.indexOf("### 🔴 high"));
    const html = await renderHtmlReport({
      data: { snapshot: a.snapshot, report },
      version: "test",
      generatedAt: new Date(0),
    });
    expect(html.indexOf("<h2>Internet exposure</h2>")).toBeGreaterThan(html.indexOf("<h2>Summary</h2>"));
    expect(html.indexOf("<h2>Internet exposure</h2>")).toBeLessThan(html.indexOf("<h2>Diagram"));
    expect(html).toMatch(/<table data-exposure="true">.*ci-runner/s);
  });
});
