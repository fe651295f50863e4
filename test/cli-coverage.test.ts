import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/index.ts";
import { saveSnapshot } from "../src/model/io.ts";
import { asbuilt } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

describe("asbuilt check --require-full-coverage", () => {
  it("fails on a coverage gap even when no finding reaches --fail-on, and names the gap", async () => {
    // coursedog (no critical finding), scanned by a role that was denied Lambda: whatever runs there
    // is invisible to the rules, so a gate that wants the whole account must fail.
    const s = FIXTURES.coursedog.build();
    s.coverage.push({
      account: s.scope.accounts[0] ?? "",
      region: "us-east-2",
      service: "lambda",
      status: "denied",
      error: "AccessDenied: lambda:ListFunctions",
    });
    // An error text carrying a terminal escape (AWS messages quote user-named resources).
    s.coverage.push({
      account: s.scope.accounts[0] ?? "",
      region: "us-east-2",
      service: "ecs",
      status: "failed",
      error: "Throttling: cluster \u001b[2Jcleared",
    });
    const file = join(tempDir("asbuilt-coverage-"), "snapshot.json");
    await saveSnapshot(file, s);

    const lenient = asbuilt("check", file, "--fail-on", "critical");
    expect(lenient.code).toBe(0);

    const strict = asbuilt("check", file, "--fail-on", "critical", "--require-full-coverage");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("us-east-2 lambda: denied (AccessDenied: lambda:ListFunctions)");
    expect(strict.stderr).toContain("docs/iam-policy.json");
    expect(strict.stderr).not.toContain("\u001b");
    expect(strict.stderr).toContain("us-east-2 ecs: failed (Throttling: cluster \\x1b[2Jcleared)");

    // With complete coverage the flag changes nothing.
    const complete = asbuilt(
      "check",
      join(FIXTURES.coursedog.dir, "snapshot.json"),
      "--fail-on",
      "critical",
      "--require-full-coverage",
    );
    expect(complete.code).toBe(0);
  });
});
