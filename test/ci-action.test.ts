import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// The GitHub Action (action.yml) is a composite: install, then scripts/ci/github-action.sh with the inputs as
// ASBUILT_* variables. Its shell step runs here with the variables GitHub sets for a step (GITHUB_STEP_SUMMARY,
// GITHUB_OUTPUT, RUNNER_TEMP), so that what a workflow gets is what these tests see.

interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; run?: string; env?: Record<string, string>; uses?: string }[];
  };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
const fixture = (name: string, file: string) => join(ROOT, "fixtures", name, file);

function runStep(env: Record<string, string>) {
  const dir = tempDir("asbuilt-action-");
  const files = {
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    GITHUB_OUTPUT: join(dir, "output.txt"),
    RUNNER_TEMP: join(dir, "runner-temp"),
  };
  const r = spawnSync("bash", [join(ROOT, "scripts/ci/github-action.sh")], {
    cwd: dir,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      NO_COLOR: "1",
      GITHUB_ACTIONS: "true",
      ...files,
      ASBUILT_BIN: join(ROOT, "bin/asbuilt.js"),
      ASBUILT_SARIF: "results/asbuilt.sarif",
      ...env,
    },
  });
  const read = (f: string) => {
    try {
      return readFileSync(f, "utf8");
    } catch {
      return "";
    }
  };
  const outputs = Object.fromEntries(
    read(files.GITHUB_OUTPUT)
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { ...r, dir, summary: read(files.GITHUB_STEP_SUMMARY), outputs };
}

describe("the GitHub Action", () => {
  it("is a composite whose check step passes every input to the script", () => {
    expect(action.runs.using).toBe("composite");
    const step = action.runs.steps.find((s) => s.id === "check");
    expect(step?.run).toContain("scripts/ci/github-action.sh");
    for (const name of Object.keys(action.inputs)) {
      const variable = `ASBUILT_${name.toUpperCase().replaceAll("-", "_")}`;
      expect(step?.env?.[variable], `input ${name}`).toBe(`\${{ inputs.${name} }}`);
    }
    expect(action.inputs.snapshot?.required).toBe(true);
    for (const o of Object.values(action.outputs)) expect(o.value).toMatch(/^\$\{\{ steps\.check\.outputs\./);
  });

  it("writes SARIF and the job summary, sets its outputs, and fails the job on findings at or above fail-on", () => {
    const r = runStep({
      ASBUILT_SNAPSHOT: fixture("status-page", "snapshot.json"),
      ASBUILT_SPEC: fixture("status-page", "architecture.yaml"),
      ASBUILT_FAIL_ON: "high",
    });
    expect(r.status).toBe(1);
    expect(r.summary).toMatch(/^## asbuilt: ❌ \d+ findings? at or above high/);
    const sarif = JSON.parse(readFileSync(join(r.dir, "results/asbuilt.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(r.outputs).toMatchObject({ sarif: "results/asbuilt.sarif", "exit-code": "1" });
    expect(Number(r.outputs.findings)).toBeGreaterThan(0);
    // check's own verdict is in the log.
    expect(r.stderr).toMatch(/FAIL: \d+ findings? at or above high/);
  });

  it("passes a report-only run (fail-on none), still writing SARIF and the summary", () => {
    const r = runStep({ ASBUILT_SNAPSHOT: fixture("edroplets", "snapshot.json"), ASBUILT_FAIL_ON: "none" });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ findings: "0", "exit-code": "0" });
    expect(r.summary).toMatch(/report only/);
  });

  it("says clearly what is wrong with a bad input (exit 2), and sets no SARIF output", () => {
    const r = runStep({ ASBUILT_SNAPSHOT: "missing.json" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: no such snapshot file/);
    expect(r.outputs.sarif).toBeUndefined();
    expect(r.outputs["exit-code"]).toBe("2");
  });
});
