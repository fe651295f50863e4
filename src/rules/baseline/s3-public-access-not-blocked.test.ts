import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW } from "../test-helpers.ts";
import rule from "./s3-public-access-not-blocked.ts";

describe("s3-public-access-not-blocked", () => {
  it("reports buckets without a full public access block; critical when the policy is public", () => {
    const { b, a } = account();
    a.bucket("backups");
    a.bucket("assets-open", { blockPublicAccess: false });
    a.bucket("leaky", { blockPublicAccess: false, policyIsPublic: true });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.resourceName])).toEqual([
      ["critical", "leaky"],
      ["high", "assets-open"],
    ]);
    expect(f[1]?.evidence).toEqual([
      "public access block settings off: blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets",
      "the account has no S3 Block Public Access",
    ]);
  });

  it("honours the account-level block: a bucket without its own is blocked when the account blocks all four", () => {
    const { b, a } = account();
    a.accountPublicAccessBlock();
    a.bucket("assets-open", { blockPublicAccess: false });
    const noBlock = a.bucket("no-block");
    (noBlock.props as { publicAccessBlock: unknown }).publicAccessBlock = null;
    expect(findingsOf(rule, b)).toEqual([]);
  });

  it("a partial account block covers only its settings; the bucket's own fill in the rest", () => {
    const { b, a } = account();
    a.accountPublicAccessBlock({ off: ["blockPublicPolicy", "restrictPublicBuckets"] });
    a.bucket("assets-open", { blockPublicAccess: false });
    a.bucket("backups");
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.resourceName, x.evidence])).toEqual([
      [
        "assets-open",
        [
          "public access block settings off: blockPublicPolicy, restrictPublicBuckets",
          "the account blocks only: blockPublicAcls, ignorePublicAcls",
        ],
      ],
    ]);
  });

  it("is unverified, not failed, when the account-level block was not read and the bucket's does not decide", () => {
    const { b, a } = account();
    a.bucket("assets-open", { blockPublicAccess: false });
    a.bucket("backups");
    const s = b.build();
    const graph = new Graph({ ...s, coverage: s.coverage.filter((c) => c.service !== "s3control") });
    const checks = runChecks([rule], graph, { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified.map((u) => [u.resourceName, u.missing])).toEqual([
      [
        "assets-open",
        [
          "the account's S3 Block Public Access: s3control was not read in 111111111111 global (no coverage entry for it)",
        ],
      ],
    ]);
  });

  it("is unverified when neither the bucket's block nor the account's was recorded", () => {
    const { b, a } = account();
    const x = a.bucket("old");
    delete (x.props as { publicAccessBlock?: unknown }).publicAccessBlock;
    const s = b.build();
    const graph = new Graph({ ...s, coverage: s.coverage.filter((c) => c.service !== "s3control") });
    const checks = runChecks([rule], graph, { now: NOW });
    expect(checks.findings).toEqual([]);
    expect(checks.unverified[0]?.missing).toHaveLength(2);
    // With the account's block recorded on, the bucket's own does not matter.
    const { b: b2, a: a2 } = account();
    a2.accountPublicAccessBlock();
    const y = a2.bucket("old");
    delete (y.props as { publicAccessBlock?: unknown }).publicAccessBlock;
    expect(runChecks([rule], new Graph(b2.build()), { now: NOW }).unverified).toEqual([]);
  });
});
