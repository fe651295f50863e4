import { describe, expect, it } from "vitest";
import { SnapshotBuilder } from "../../fixtures/builder.ts";
import type { Resource } from "../model/snapshot.ts";
import { assembleSnapshot } from "./assemble.ts";

describe("assembleSnapshot", () => {
  const b = new SnapshotBuilder("test:assemble");
  b.in("123456789012", "eu-west-1").openSearchDomain("logs", { policy: "open" });
  const [domain] = b.build().resources as [Resource];
  // What the Tagging API's module made of the same ARN before it knew the type: props unread.
  const copy: Resource = { ...domain, type: "AWS::OpenSearchService::Domain", props: {} };
  const parts = (resources: Resource[]) => ({
    resources,
    edges: [],
    coverage: [],
    accounts: ["123456789012"],
    regions: ["eu-west-1"],
    source: "scan",
    scannedAt: new Date("2026-12-08T00:00:00Z"),
  });

  it("keeps the modelled resource over a generic copy of the same id, whichever came first", () => {
    for (const order of [
      [copy, domain],
      [domain, copy],
    ]) {
      const { snapshot } = assembleSnapshot(parts(order));
      expect(snapshot.resources).toEqual([domain]);
    }
  });

  it("otherwise keeps the first of a duplicate id", () => {
    const later = { ...domain, name: "later" };
    expect(assembleSnapshot(parts([domain, later])).snapshot.resources).toEqual([domain]);
  });
});
