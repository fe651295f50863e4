import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { SELECT_FIELDS } from "../../src/collector/config/scan.ts";
import { DUMP_FILES } from "../../src/collector/services.ts";
import { writeCliDump, writeConfigSnapshot, writeSelectOutput } from "../import/make-dumps.ts";
import { tempDir } from "../tmp.ts";
import { anyBytes, damage, expectHandled, fuzz, mutate, mutations, runCli, textDamage } from "./harness.ts";

// Any bytes where `asbuilt import` looks (an AWS CLI dump file of every operation it reads, an AWS Config
// snapshot file plain or gzipped, select-resource-config output), and the real files of a fixture made
// slightly wrong: exit 0 or 2 with the reason, never 3. Through the CLI's entry point, so that the
// per-service readers behind importPaths are exercised wherever they live.

const root = tempDir("asbuilt-fuzz-");
const out = join(root, "out.json");
const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const operations = [...DUMP_FILES.keys()].sort();

let dumpDir: string;
let dumpFiles: { path: string; text: string }[];
let configJson: unknown;
let selectJson: unknown;

beforeAll(async () => {
  const fixture = FIXTURES.edroplets.build();
  dumpDir = join(root, "dump");
  const files = await writeCliDump(fixture, dumpDir);
  dumpFiles = files
    .map((f) => (f.startsWith(dumpDir) ? f : join(dumpDir, f)))
    .sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
  await writeConfigSnapshot(fixture, join(root, "config.json.gz"));
  configJson = JSON.parse(gunzipSync(readFileSync(join(root, "config.json.gz"))).toString("utf8"));
  await writeSelectOutput(fixture, join(root, "select.json"), SELECT_FIELDS);
  selectJson = JSON.parse(readFileSync(join(root, "select.json"), "utf8"));
});

async function importOne(path: string, what: string) {
  const r = await runCli("import", path, "-o", out, "--quiet");
  expectHandled(r, what);
  rmSync(out, { force: true });
}

/** A file at `rel` (under its own folder) with these bytes, imported alone. */
async function importBytes(rel: string, bytes: Uint8Array | string, what: string) {
  const dir = join(root, "case");
  rmSync(dir, { recursive: true, force: true });
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  await importOne(dir, what);
}

/** The whole fixture dump with one file replaced. */
async function importDumpWith(i: number, text: string, what: string) {
  const f = dumpFiles[i % dumpFiles.length];
  if (!f) return;
  writeFileSync(f.path, text);
  try {
    await importOne(dumpDir, `${relative(dumpDir, f.path)}: ${what}`);
  } finally {
    writeFileSync(f.path, f.text);
  }
}

describe("fuzz: the importers (asbuilt import)", () => {
  it("any bytes as an AWS CLI output of each operation read", async () => {
    await fuzz("import dump-file bytes", fc.tuple(fc.nat(operations.length - 1), anyBytes), 1500, ([i, b]) =>
      importBytes(
        join(ACCOUNT, REGION, `${operations[i]}.json`),
        b,
        `${operations[i]} bytes ${Buffer.from(b).toString("base64")}`,
      ),
    );
  }, 300_000);

  it("any bytes as an AWS Config file, plain, gzipped or claiming gzip", async () => {
    const name = fc.constantFrom("items.json", "ConfigSnapshot.json.gz", "raw.json.gz");
    await fuzz("import config-file bytes", fc.tuple(name, anyBytes), 1000, ([n, b]) =>
      importBytes(
        n,
        n === "ConfigSnapshot.json.gz" ? gzipSync(b) : b,
        `${n} bytes ${Buffer.from(b).toString("base64")}`,
      ),
    );
  }, 300_000);

  it("a real dump with one file's JSON mutated or damaged", async () => {
    await fuzz(
      "import dump mutations",
      fc.tuple(
        fc.nat(),
        fc.oneof(
          mutations.map((m) => ({ m })),
          textDamage.map((d) => ({ d })),
        ),
      ),
      1000,
      ([i, change]) => {
        const f = dumpFiles[i % dumpFiles.length];
        const text = f?.text ?? "";
        let body: string;
        if ("d" in change) body = damage(text, change.d);
        else {
          try {
            body = JSON.stringify(mutate(JSON.parse(text), change.m));
          } catch {
            body = text; // not JSON (an AWS CLI error message, an empty response): damage covers it
          }
        }
        return importDumpWith(i, body, JSON.stringify(change));
      },
    );
  }, 300_000);

  it("a real AWS Config snapshot file and select-resource-config output, mutated", async () => {
    await fuzz(
      "import config mutations",
      fc.tuple(fc.boolean(), mutations, fc.boolean()),
      1000,
      ([snapshotFile, ms, gz]) => {
        const text = JSON.stringify(mutate((snapshotFile ? configJson : selectJson) as never, ms));
        const name = snapshotFile ? `ConfigSnapshot.json${gz ? ".gz" : ""}` : "select.json";
        return importBytes(
          name,
          name.endsWith(".gz") ? gzipSync(text) : text,
          `${name} mutations ${JSON.stringify(ms)}`,
        );
      },
    );
  }, 300_000);

  it("a real AWS Config snapshot file and select output, cut short or with characters inserted", async () => {
    await fuzz("import config text damage", fc.tuple(fc.boolean(), textDamage), 500, ([snapshotFile, d]) => {
      const text = damage(JSON.stringify(snapshotFile ? configJson : selectJson, null, 2), d);
      return importBytes(
        snapshotFile ? "ConfigSnapshot.json" : "select.json",
        text,
        `damage ${JSON.stringify(d)}`,
      );
    });
  }, 300_000);
});
