import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { tempDir } from "../tmp.ts";
import { anyBytes, damage, expectHandled, fuzz, mutate, mutations, runCli, textDamage } from "./harness.ts";

// Any bytes as a snapshot: `asbuilt check` exits 0/1 (it loaded) or 2 (it said why), never 3.

const dir = tempDir("asbuilt-fuzz-");
const file = join(dir, "snapshot.json");
const seed = readFileSync(join(FIXTURES.edroplets.dir, "snapshot.json"), "utf8");
const seedJson = JSON.parse(seed);

async function check(bytes: Uint8Array | string, what: string) {
  writeFileSync(file, bytes);
  expectHandled(await runCli("check", file), what);
}

describe("fuzz: the snapshot loader (asbuilt check <snapshot>)", () => {
  it("any bytes", async () => {
    await fuzz("snapshot bytes", anyBytes, 2000, (b) =>
      check(b, `bytes ${Buffer.from(b).toString("base64")}`),
    );
  }, 300_000);

  it("a real snapshot with values replaced, keys dropped, containers emptied", async () => {
    await fuzz("snapshot mutations", mutations, 1000, (ms) =>
      check(JSON.stringify(mutate(seedJson, ms), null, 2), `mutations ${JSON.stringify(ms)}`),
    );
  }, 300_000);

  it("a real snapshot cut short or with characters inserted", async () => {
    await fuzz("snapshot text damage", textDamage, 500, (d) =>
      check(damage(seed, d), `damage ${JSON.stringify(d)}`),
    );
  }, 300_000);
});
