import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { Graph } from "./graph.ts";
import { mergeSnapshots } from "./merge.ts";

function account(id: string, at: string, ingressPort = 443) {
  const b = new SnapshotBuilder(`test:${id}`, at);
  const a = b.in(id, "us-east-1");
  const v = a.vpc("main", { cidr: "10.0.0.0/16" });
  a.securityGroup(v, "web", { ingress: [tcp(ingressPort, "0.0.0.0/0")] });
  return b.build();
}

describe("mergeSnapshots", () => {
  it("joins accounts scanned separately into one valid snapshot", () => {
    const a = account("111111111111", "2026-11-01T10:00:00Z");
    const b = account("222222222222", "2026-11-01T09:00:00Z");
    const { snapshot, conflicts } = mergeSnapshots([a, b]);
    expect(conflicts).toEqual([]);
    expect(snapshot.scope.accounts).toEqual(["111111111111", "222222222222"]);
    expect(snapshot.resources).toHaveLength(a.resources.length + b.resources.length);
    expect(snapshot.scannedAt).toBe("2026-11-01T09:00:00Z");
    expect(() => new Graph(snapshot)).not.toThrow();
  });

  it("keeps the newest copy of a resource seen twice and reports the conflict", () => {
    const old = account("111111111111", "2026-11-01T09:00:00Z", 443);
    const fresh = account("111111111111", "2026-11-02T09:00:00Z", 8443);
    const { snapshot, conflicts } = mergeSnapshots([fresh, old]);
    expect(conflicts).toHaveLength(1);
    const sg = snapshot.resources.find((r) => r.name === "web");
    expect(JSON.stringify(sg)).toContain("8443");
  });

  it("keeps the notes of the copy it keeps: a newer scan's copy is not stale", () => {
    const old = account("111111111111", "2026-11-01T09:00:00Z", 443);
    const fresh = account("111111111111", "2026-11-02T09:00:00Z", 8443);
    const other = account("222222222222", "2026-11-01T09:00:00Z");
    const sgOf = (s: typeof old) => s.resources.find((r) => r.name === "web")?.id ?? "";
    old.notes = [{ resource: sgOf(old), note: "stale AWS Config item" }];
    other.notes = [{ resource: sgOf(other), note: "half torn down" }];
    expect(mergeSnapshots([fresh, old, other]).snapshot.notes).toEqual([
      { resource: sgOf(other), note: "half torn down" },
    ]);
  });
});
