import { describe, expect, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import type { Coverage, Resource, ResourceOf, Snapshot } from "../../src/model/snapshot.ts";
import { compareWithGaps } from "./gaps.ts";

// The comparison the chaos tests rely on must itself catch what it is there to catch: each case is a
// scan result made by hand from the coursedog fixture.

const reference = FIXTURES.coursedog.build();
const ACCOUNT = "123456789012";
const REGION = "us-east-2";
const isCache = (r: Resource) => r.type.startsWith("AWS::ElastiCache::");
type Eni = ResourceOf<"AWS::EC2::NetworkInterface">;
const isEni = (r: Resource): r is Eni => r.type === "AWS::EC2::NetworkInterface";
const cacheIds = new Set(reference.resources.filter(isCache).map((r) => r.id));
const elasticacheFailed: Coverage = {
  account: ACCOUNT,
  region: REGION,
  service: "elasticache",
  status: "failed",
  error: "Throttling: Rate exceeded (after 8 attempts)",
};

/** What a scan returns when ElastiCache failed: no caches, no edges to them, ENIs that no longer name them. */
function withoutCaches(s: Snapshot, coverage: Coverage[]): Snapshot {
  const copy = structuredClone(s);
  copy.resources = copy.resources.filter((r) => !isCache(r));
  for (const r of copy.resources)
    if (isEni(r) && r.props.attachedTo !== null && cacheIds.has(r.props.attachedTo))
      r.props.attachedTo = null;
  copy.edges = copy.edges.filter((e) => !cacheIds.has(e.from) && !cacheIds.has(e.to));
  copy.coverage = coverage;
  return copy;
}

const eniOf = (s: Snapshot, owner: string) =>
  s.resources.find((r): r is Eni => isEni(r) && r.props.attachedTo === owner);

describe("compareWithGaps", () => {
  it("finds nothing to explain in the same snapshot", () => {
    expect(compareWithGaps(reference, structuredClone(reference))).toEqual({
      unexplained: [],
      gaps: [],
      missingResources: 0,
      missingEdges: 0,
    });
  });

  it("lets a failed service's resources go, with their edges and the references to them", () => {
    const diff = compareWithGaps(reference, withoutCaches(reference, [elasticacheFailed]));
    expect(diff.unexplained).toEqual([]);
    expect(diff.missingResources).toBe(cacheIds.size);
    expect(diff.missingEdges).toBeGreaterThan(0);
    expect(diff.gaps).toEqual([
      "elasticache 123456789012/us-east-2: failed (Throttling: Rate exceeded (after 8 attempts))",
    ]);
  });

  it("reports resources missing without a gap of their own service", () => {
    const ec2Failed = { ...elasticacheFailed, service: "ec2" };
    const diff = compareWithGaps(reference, withoutCaches(reference, [ec2Failed]));
    expect(diff.unexplained).toHaveLength(cacheIds.size);
    expect(diff.unexplained[0]).toMatch(
      /^AWS::ElastiCache::\S+ arn:\S+ is missing, and elasticache 123456789012\/us-east-2 has no gap$/,
    );
  });

  it("reports a resource changed where it did not name a missing one", () => {
    const lb = reference.resources.find((r) => r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer");
    const faulted = structuredClone(reference);
    const eni = lb && eniOf(faulted, lb.id);
    if (!eni) throw new Error("coursedog has an ENI of its load balancer");
    eni.props.attachedTo = null;
    const tagged = faulted.resources.find((r) => r.type === "AWS::EC2::VPC");
    if (!tagged) throw new Error("coursedog has a VPC");
    tagged.tags = { ...tagged.tags, Environment: "elsewhere" };
    expect(compareWithGaps(reference, faulted).unexplained).toEqual([
      `AWS::EC2::NetworkInterface ${eni.id} changed: props.attachedTo`,
      `AWS::EC2::VPC ${tagged.id} changed: tags`,
    ]);
  });

  it("reports a resource or an edge that appeared, and an edge lost between two resources that are there", () => {
    const faulted = structuredClone(reference);
    const [first, ...rest] = faulted.edges;
    if (!first) throw new Error("coursedog has edges");
    faulted.edges = [...rest, { from: first.to, to: first.from, kind: first.kind }];
    const vpc = faulted.resources.find((r) => r.type === "AWS::EC2::VPC");
    if (!vpc) throw new Error("coursedog has a VPC");
    faulted.resources.push({ ...vpc, id: `${vpc.id}-ghost` });
    expect(compareWithGaps(reference, faulted).unexplained).toEqual([
      `AWS::EC2::VPC ${vpc.id}-ghost appeared, the scan without faults has none`,
      `edge ${first.kind} ${first.from} → ${first.to} is missing, and both its ends are there`,
      `edge ${first.kind} ${first.to} → ${first.from} appeared`,
    ]);
  });
});
