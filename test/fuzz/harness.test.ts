import { describe, expect, it } from "vitest";
import { expectHandled, mutate, runCli } from "./harness.ts";

// The fuzz properties are only as good as their oracle: it must reject what a user must never see.

describe("the fuzz harness", () => {
  it("fails on exit 3, an internal error, a stack trace, or an exit 2 without a message", () => {
    const stack = "asbuilt: boom\n    at parseSpec (/x/src/architecture/load.ts:61:29)\n";
    for (const r of [
      { code: 3, stdout: "", stderr: "asbuilt: internal error: x\nThis is a bug in asbuilt" },
      { code: 2, stdout: "", stderr: stack },
      { code: 2, stdout: "", stderr: "" },
      { code: 1, stdout: "", stderr: "asbuilt: internal error: y" },
    ])
      expect(() => expectHandled(r, "case")).toThrow();
    expect(() =>
      expectHandled({ code: 2, stdout: "", stderr: "asbuilt: x.json: no such snapshot file.\n" }, "ok"),
    ).not.toThrow();
  });

  it("runs the CLI in this process and returns its exit code and output", async () => {
    const r = await runCli("check", "no-such-file.json");
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^asbuilt: no-such-file\.json: no such snapshot file\./);
    expect((await runCli("--version")).code).toBe(0);
    expect(process.exitCode).toBeUndefined();
  });

  it("mutates a copy, never the seed", () => {
    const seed = { a: [1, { b: "x" }], c: true };
    const out = mutate(seed, [{ at: 3, kind: "replace", value: null }]);
    expect(seed).toEqual({ a: [1, { b: "x" }], c: true });
    expect(out).not.toEqual(seed);
  });
});
