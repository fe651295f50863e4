import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../../fixtures/index.ts";
import { SERVICE_NAMES } from "../../src/collector/services.ts";
import { ALL_HANDLERS } from "../aws-endpoint/services/index.ts";
import { MODULE_TYPE_PREFIXES, roundTrip } from "./roundtrip.ts";

/** The types the registered service modules produce (generic ones come from the Tagging API). */
function scannedTypes(types: Iterable<string>): Set<string> {
  const covered = SERVICE_NAMES.flatMap((s) => MODULE_TYPE_PREFIXES[s] ?? []);
  const modelled = Object.values(MODULE_TYPE_PREFIXES).flat();
  return new Set(
    [...types].filter(
      (t) =>
        covered.some((p) => t.startsWith(p)) ||
        (SERVICE_NAMES.includes("tagging") && !modelled.some((p) => t.startsWith(p))),
    ),
  );
}

describe.each(fixtureNames)("round trip of the %s fixture through the loopback endpoint", (name) => {
  it("scans back what the endpoint serves, for every service asbuilt has a module for", async () => {
    const fixture = FIXTURES[name].build();
    const types = scannedTypes(new Set(fixture.resources.map((r) => r.type)));
    const { expected, actual, result } = await roundTrip(fixture, {
      handlers: [...ALL_HANDLERS],
      services: SERVICE_NAMES,
      types,
      maxPageSize: 50,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual.resources.map((r) => r.id)).toEqual(expected.resources.map((r) => r.id));
    expect(actual).toEqual(expected);
  });
});
