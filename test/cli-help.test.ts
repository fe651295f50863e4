import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.ts";
import { runCli } from "./fuzz/harness.ts";

// Help is read at 80 columns as often as not: commander wraps it there, so the text must not carry
// line breaks of its own inside a sentence (they came out as a ragged second wrap).

const commands = buildProgram().commands.map((c) => c.name());

describe("--help", () => {
  it("keeps prose free of hard line breaks: paragraphs and list items only", () => {
    for (const cmd of [buildProgram(), ...buildProgram().commands]) {
      for (const paragraph of cmd.description().split("\n\n")) {
        const lines = paragraph.split("\n");
        // A list (an intro line, then "- " items) is the one place a line break belongs.
        const list = lines.slice(1).every((l) => l.startsWith("- "));
        expect(lines.length === 1 || list, `${cmd.name()}: ${JSON.stringify(paragraph)}`).toBe(true);
      }
    }
  });

  it("fits 80 columns for the program and every command", async () => {
    for (const args of [["--help"], ...commands.map((c) => [c, "--help"])]) {
      const r = await runCli(...args);
      expect(r.code, args.join(" ")).toBe(0);
      const long = r.stdout.split("\n").filter((l) => l.length > 80);
      expect(long, args.join(" ")).toEqual([]);
    }
  });

  it("states the output-path rule once, where every command is listed", async () => {
    expect((await runCli("--help")).stdout).toMatch(/never a missing folder\s+above it/);
    expect((await runCli("check", "--help")).stdout).toMatch(/its\s+folder\s+must\s+exist/);
  });
});
