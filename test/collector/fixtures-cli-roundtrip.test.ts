import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, startEndpoint } from "../aws-endpoint/server.ts";
import { ALL_HANDLERS } from "../aws-endpoint/services/index.ts";
import { asbuiltAs } from "../run-cli.ts";

// The real CLI, as a user runs it (`asbuilt scan --endpoint-url …`), against the loopback endpoint
// serving each seed fixture with every service: the snapshot written must be the fixture, resource for
// resource and edge for edge. Multi-account fixtures are scanned through Organizations and AssumeRole.

const comparable = (s: Snapshot) => {
  const j = JSON.parse(serializeSnapshot(s)) as Snapshot;
  return { resources: j.resources, edges: j.edges };
};

describe.each(fixtureNames)("asbuilt scan --endpoint-url on the %s fixture", (name) => {
  it("writes the fixture back, with complete coverage", async () => {
    const fixture = FIXTURES[name].build();
    const endpoint = await startEndpoint({ snapshot: fixture, services: ALL_HANDLERS, maxPageSize: 50 });
    try {
      const out = join(await mkdtemp(join(tmpdir(), "asbuilt-cli-rt-")), "snapshot.json");
      const regions = fixture.scope.regions.filter((r) => r !== "global");
      const [first] = fixture.scope.accounts;
      const multi = fixture.scope.accounts.length > 1;
      const r = await asbuiltAs(
        accessKeyFor(first ?? ""),
        "scan",
        "--endpoint-url",
        endpoint.url,
        "--regions",
        regions.join(","),
        ...(multi ? ["--org", "--role-name", "asbuilt-readonly"] : []),
        "-o",
        out,
      );
      expect(r.stderr).toMatch(/Coverage: complete/);
      expect(r.code).toBe(0);
      const scanned = JSON.parse(await readFile(out, "utf8")) as Snapshot;
      expect(scanned.scope.accounts.sort()).toEqual([...fixture.scope.accounts].sort());
      expect(comparable(scanned)).toEqual(comparable(fixture));
    } finally {
      await endpoint.close();
    }
  }, 60_000);
});
