import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempRunDir } from "./global-setup.ts";

// `npm test` used to leave dozens of asbuilt-* folders in the temp dir. Every test process now writes
// its temporary files into one folder per run, removed when the run ends.

describe("the test run's temp dir", () => {
  it("is this run's own folder (vitest.config's globalSetup), inherited by the CLI processes tests start", () => {
    expect(tmpdir()).toMatch(/asbuilt-test-run-[^/\\]+$/);
  });

  it("is removed with everything in it when the run ends, and TMPDIR restored", () => {
    const before = process.env.TMPDIR;
    const teardown = tempRunDir();
    const dir = process.env.TMPDIR ?? "";
    expect(dir).not.toBe(before);
    expect(tmpdir()).toBe(dir);
    mkdirSync(join(dir, "asbuilt-left-behind"));
    writeFileSync(join(dir, "asbuilt-left-behind", "x.json"), "{}");
    teardown();
    expect(existsSync(dir)).toBe(false);
    expect(process.env.TMPDIR).toBe(before);
  });
});
