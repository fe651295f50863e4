import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "./index.ts";

describe("rule registry", () => {
  for (const pack of ["baseline", "spec"] as const) {
    it(`registers every rule file in ${pack}/, with meta.id equal to the file name and the right pack`, () => {
      const files = readdirSync(join(import.meta.dirname, pack))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => f.replace(/\.ts$/, ""));
      const registered = RULES.filter((r) => r.meta.pack === pack).map((r) => r.meta.id);
      expect(registered.sort()).toEqual(files.sort());
    });
  }

  it("has unique ids, sorted, and complete metadata", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const { meta } of RULES) {
      for (const field of ["title", "what", "why", "fix"] as const)
        expect(meta[field].length, `${meta.id}.${field}`).toBeGreaterThan(10);
      expect(meta.resourceTypes.length, meta.id).toBeGreaterThan(0);
    }
  });

  it("has a test file beside every rule", () => {
    for (const { meta } of RULES) {
      const files = readdirSync(join(import.meta.dirname, meta.pack));
      expect(files, meta.id).toContain(`${meta.id}.test.ts`);
    }
  });
});
