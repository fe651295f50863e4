import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/index.ts";
import { writeCliDump } from "./import/make-dumps.ts";
import { ROOT } from "./run-cli.ts";
import { tempDir } from "./tmp.ts";

// What each command of the compiled CLI compiles at start-up, as an install runs it: the code a command
// does not use must not load, or every run pays for compiling it (docs/benchmarks.md, start-up). Each
// case names the code by a definition only it has.

const dir = tempDir("asbuilt-startup-loads-");
const hook = join(dir, "record.cjs");
const dump = join(dir, "dump");

/** Which of `markers` the chunks a command compiled contain. */
function loaded(args: string[], markers: Record<string, string>): string[] {
  const out = join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ["-r", hook, join(ROOT, "bin/asbuilt.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // Without the compile cache, Node's loader compiles every chunk, through the recording hook.
    env: { ...process.env, ASBUILT_COMPILE_CACHE: "0", RECORD_TO: out, NO_COLOR: "1" },
  });
  expect(r.status, r.stderr).toBeLessThan(2);
  const texts = JSON.parse(readFileSync(out, "utf8")) as string[];
  expect(texts.length).toBeGreaterThan(3); // the CLI and its chunks did load through the hook
  return Object.entries(markers)
    .filter(([, m]) => texts.some((t) => t.includes(m)))
    .map(([name]) => name);
}

const MARKERS = {
  "an SDK client": "var EC2Client = class",
  "the SDK's HTTP handler": "var NodeHttpHandler = class",
  "the SDK's errors": "var ServiceException = class",
  "the YAML parser": "var Composer = class",
  "the rule engine": "function runChecks(",
  "the rules": '"admin-port-open-to-world"',
};

beforeAll(async () => {
  writeFileSync(
    hook,
    `const M = require("node:module"); const texts = [];
const compile = M.prototype._compile;
M.prototype._compile = function (code, file) {
  if (file.includes("${join(ROOT, "dist")}")) texts.push(code);
  return compile.call(this, code, file);
};
process.on("exit", () => require("node:fs").writeFileSync(process.env.RECORD_TO, JSON.stringify(texts)));
`,
  );
  await writeCliDump(FIXTURES.edroplets.build(), dump);
});

describe("start-up loads only what the command uses", () => {
  it("import reads the SDK's shape schemas, not its clients, HTTP stack, YAML or the rules", () => {
    // Before: the clients came with each service's api.ts, the HTTP handler with the scan's coverage and
    // snapshot helpers, YAML with the JSON error locator, the rule engine with a word-counting helper.
    expect(loaded(["import", dump, "-o", join(dir, "out.json")], MARKERS)).toEqual(["the SDK's errors"]);
  });

  it("check loads no AWS SDK at all", () => {
    const f = join(ROOT, "fixtures", "edroplets");
    const args = [
      "check",
      join(f, "snapshot.json"),
      "--spec",
      join(f, "architecture.yaml"),
      "--format",
      "json",
    ];
    expect(loaded(args, MARKERS)).toEqual(["the YAML parser", "the rule engine", "the rules"]);
  });

  it("--version loads neither the SDK, YAML nor the rules", () => {
    expect(loaded(["--version"], MARKERS)).toEqual([]);
  });
});
