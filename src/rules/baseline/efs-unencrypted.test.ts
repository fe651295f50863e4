import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW } from "../test-helpers.ts";
import rule from "./efs-unencrypted.ts";

describe("efs-unencrypted", () => {
  it("reports unencrypted file systems only", () => {
    const { b, a } = account();
    a.fileSystem("uploads", { encrypted: false });
    a.fileSystem("shared");
    expect(findingsOf(rule, b).map((x) => [x.message, x.evidence])).toEqual([
      [
        'EFS file system "uploads" (fs-5b3edaa730eeefa20) stores its files unencrypted.',
        ["Encrypted is false"],
      ],
    ]);
  });

  it("is unverified, not failed, when Encrypted was not recorded", () => {
    const { b, a } = account();
    const fs = a.fileSystem("old");
    delete (fs.props as { encrypted?: boolean }).encrypted;
    const checks = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified.map((u) => u.missing)).toEqual([
      ['Encrypted of FileSystem "old" (fs-a28305d5b8ba39ac2) is not recorded'],
    ]);
  });

  it("is unverified where EFS was not read at all", () => {
    const { b, a } = account();
    a.fileSystem("shared");
    const s = b.build();
    const graph = new Graph({ ...s, coverage: s.coverage.filter((c) => c.service !== "efs") });
    const checks = runChecks([rule], graph, { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified).toHaveLength(1);
  });
});
