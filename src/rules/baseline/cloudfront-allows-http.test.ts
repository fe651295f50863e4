import { describe, expect, it } from "vitest";
import { Graph } from "../../model/graph.ts";
import { runChecks } from "../engine.ts";
import { account, findingsOf, NOW } from "../test-helpers.ts";
import rule from "./cloudfront-allows-http.ts";

describe("cloudfront-allows-http", () => {
  it("reports allow-all, not redirect-to-https", () => {
    const { b, a } = account();
    const bucket = a.bucket("site");
    a.distribution("old-cdn", { origins: [bucket], viewerProtocolPolicy: "allow-all" });
    a.distribution("cdn", { origins: [bucket] });
    expect(findingsOf(rule, b).map((x) => x.resourceName)).toEqual(["old-cdn"]);
  });

  it("evaluates every cache behaviour: a path pattern that allows HTTP fails though the default redirects", () => {
    const { b, a } = account();
    const bucket = a.bucket("site");
    const media = a.bucket("media");
    a.distribution("cdn", {
      origins: [bucket, media],
      behaviors: [
        { pathPattern: "/api/*", viewerProtocolPolicy: "https-only" },
        { pathPattern: "/media/*", origin: 1, viewerProtocolPolicy: "allow-all" },
      ],
    });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.message, x.evidence])).toEqual([
      [
        'CloudFront distribution "cdn" serves viewers over plain HTTP on path pattern /media/*.',
        [
          "cache behaviour /media/* (origin s3-media): ViewerProtocolPolicy allow-all",
          "default cache behaviour: ViewerProtocolPolicy redirect-to-https",
        ],
      ],
    ]);
  });

  it("is unverified for the other behaviours when they were not recorded, and still judges the default", () => {
    const { b, a } = account();
    const d = a.distribution("cdn", { origins: [a.bucket("site")], viewerProtocolPolicy: "allow-all" });
    delete (d.props as { cacheBehaviors?: unknown }).cacheBehaviors;
    const checks = runChecks([rule], new Graph(b.build()), { now: NOW });
    expect(checks.findings.map((x) => x.message)).toEqual([
      'CloudFront distribution "cdn" serves viewers over plain HTTP.',
    ]);
    expect(checks.unverified.map((u) => u.missing)).toEqual([
      ['the list of cache behaviours besides the default of Distribution "cdn" is not recorded'],
    ]);
  });
});
