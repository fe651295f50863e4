import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The bundle the global setup built from these sources (scripts/build.mjs), as an install runs it.
const chunks = fileURLToPath(new URL("../dist/chunks/", import.meta.url));

/** The text of every chunk. */
function chunkTexts(): string[] {
  return readdirSync(chunks)
    .filter((f) => f.endsWith(".cjs"))
    .map((f) => readFileSync(join(chunks, f), "utf8"));
}

describe("the compiled bundle", () => {
  it("holds zod/mini with its English messages, not classic zod: every command compiled its 400 KB", () => {
    const texts = chunkTexts();
    const zodChunks = texts.filter((text) => text.includes("Too big: expected"));
    // One chunk holds zod, with its English messages; German (one of the 60-odd others) is nowhere.
    expect(zodChunks).toHaveLength(1);
    expect(zodChunks[0]).toContain('"ZodMiniOptional"');
    for (const text of texts) {
      expect(text).not.toContain("zu haben");
      // Classic zod's schema classes: an import of "zod" instead of "zod/mini" brings all of them back.
      expect(text).not.toContain('"ZodOptional"');
    }
  });

  it("holds the AWS SDK's shape schemas of the operations asbuilt calls, not every operation's", () => {
    const all = chunkTexts().join("\n");
    // DescribeVpcs is read (scan, import); EC2's VPN concentrators and instance status reports never are.
    expect(all).toContain('"DescribeVpcsResult"');
    expect(all).not.toContain('"DescribeVpnConcentratorsResult"');
    expect(all).not.toContain('"ReportInstanceStatusRequest"');
  });
});
