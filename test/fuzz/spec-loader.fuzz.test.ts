import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { parse, stringify } from "yaml";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { saveSnapshot } from "../../src/model/io.ts";
import { documentedShop } from "../../src/rules/spec-test-scenario.ts";
import { tempDir } from "../tmp.ts";
import { anyBytes, damage, expectHandled, fuzz, mutate, mutations, runCli, textDamage } from "./harness.ts";

// Any bytes as architecture.yaml: `asbuilt check --spec` exits 0/1 or 2 with the reason, never 3.
// A small account keeps each run that does load a spec cheap.

const dir = tempDir("asbuilt-fuzz-");
const snapshot = join(dir, "shop.json");
const file = join(dir, "architecture.yaml");
const seeds = fixtureNames.map((n) => readFileSync(join(FIXTURES[n].dir, "architecture.yaml"), "utf8"));
const seedDocs = seeds.map((s) => parse(s));

async function check(text: Uint8Array | string, what: string) {
  writeFileSync(file, text);
  expectHandled(await runCli("check", snapshot, "--spec", file, "--max-waiver-days", "400"), what);
}

describe("fuzz: the spec loader (asbuilt check --spec)", () => {
  it("writes the account", async () => {
    await saveSnapshot(snapshot, documentedShop().b.build());
  });

  it("any bytes", async () => {
    await fuzz("spec bytes", anyBytes, 1500, (b) => check(b, `bytes ${Buffer.from(b).toString("base64")}`));
  }, 300_000);

  it("any YAML value", async () => {
    await fuzz("spec YAML values", fc.anything({ maxDepth: 3 }), 1000, (v) => {
      // stringify() gives undefined for undefined and refuses what YAML cannot hold (symbols, functions).
      let text: string | undefined;
      try {
        text = stringify(v);
      } catch {
        text = undefined;
      }
      return text === undefined ? Promise.resolve() : check(text, `value ${text}`);
    });
  }, 300_000);

  it("the seed specs with values replaced, keys dropped, containers emptied", async () => {
    await fuzz("spec mutations", fc.tuple(fc.nat(seeds.length - 1), mutations), 1500, ([i, ms]) => {
      const text = stringify(mutate(seedDocs[i], ms));
      return check(text, `seed ${fixtureNames[i]} mutations ${JSON.stringify(ms)}`);
    });
  }, 300_000);

  it("the seed specs cut short or with characters inserted", async () => {
    await fuzz("spec text damage", fc.tuple(fc.nat(seeds.length - 1), textDamage), 1000, ([i, d]) =>
      check(damage(seeds[i] ?? "", d), `seed ${fixtureNames[i]} damage ${JSON.stringify(d)}`),
    );
  }, 300_000);
});
