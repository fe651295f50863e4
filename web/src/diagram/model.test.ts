import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../../fixtures/golden.ts";
import { FIXTURES } from "../../../fixtures/index.ts";
import { synthetic } from "../../../fixtures/synthetic.ts";
import { loadSpec } from "../../../src/architecture/load.ts";
import { analyzeSnapshot } from "../../../src/cli/check.ts";
import { findingsReportFor } from "../../../src/cli/serve.ts";
import type { Snapshot } from "../../../src/model/snapshot.ts";
import { layoutTree } from "./layout.ts";
import { buildDiagram, indexData } from "./model.ts";
import type { DiagramNode, GroupNode } from "./types.ts";

async function dataFor(snapshot: Snapshot, specFile?: string) {
  const spec = specFile ? await loadSpec(specFile) : undefined;
  const a = analyzeSnapshot(snapshot, spec, FIXTURE_NOW);
  const report = findingsReportFor(a.snapshot, a.findings, a.view(), "snapshot.json", specFile);
  return indexData({ snapshot: a.snapshot, report });
}

function walk(n: DiagramNode, visit: (n: DiagramNode, parent?: GroupNode) => void, parent?: GroupNode) {
  visit(n, parent);
  if (n.kind === "group" && !n.collapsed) for (const c of n.children) walk(c, visit, n);
}

describe("the diagram model", () => {
  it("nests account › region › VPC › AZ › subnet › resource, with global services and the internet outside", async () => {
    const f = FIXTURES["beanstalk-app"];
    const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
    const kinds = new Map<string, string[]>();
    walk(d.root, (n, p) => {
      if (n.kind === "group" && p) kinds.set(n.groupKind, [...(kinds.get(n.groupKind) ?? []), p.groupKind]);
    });
    expect(new Set(kinds.get("account"))).toEqual(new Set(["root"]));
    expect(new Set(kinds.get("internet"))).toEqual(new Set(["root"]));
    expect(new Set(kinds.get("region"))).toEqual(new Set(["account"]));
    expect(new Set(kinds.get("vpc"))).toEqual(new Set(["region"]));
    expect(new Set(kinds.get("az"))).toEqual(new Set(["vpc"]));
    expect(new Set(kinds.get("subnet"))).toEqual(new Set(["az"]));
    // CloudFront (global) is outside every VPC; an instance sits in its subnet.
    let cloudfrontParent: string | undefined;
    let instanceParent: string | undefined;
    walk(d.root, (n, p) => {
      if (n.kind === "leaf" && n.type === "AWS::CloudFront::Distribution") cloudfrontParent = p?.groupKind;
      if (n.kind === "leaf" && n.type === "AWS::EC2::Instance") instanceParent = p?.groupKind;
    });
    expect(cloudfrontParent).toBe("global");
    expect(instanceParent).toBe("subnet");
    // Edges: the internet's flows, DNS aliases, CloudFront's origin, LB → targets.
    const styles = new Set(d.edges.map((e) => e.style));
    for (const s of ["flow-documented", "aliases", "origin", "targets"]) expect(styles).toContain(s);
    expect(d.edges.some((e) => e.from === "internet")).toBe(true);
  });

  it("puts the findings of hidden resources (a security group) on the box that hosts them", async () => {
    const f = FIXTURES.edroplets;
    const index = await dataFor(f.build(), `${f.dir}/architecture.yaml`);
    const d = buildDiagram(index);
    const sgFinding = index.data.report.findings.find((x) => x.resourceType === "AWS::EC2::SecurityGroup");
    expect(sgFinding).toBeDefined();
    const host = d.nodeOf.get(sgFinding?.resourceId ?? "");
    expect(host).toBeDefined();
    let hostNode: DiagramNode | undefined;
    walk(d.root, (n) => {
      if (n.id === host) hostNode = n;
    });
    expect(hostNode?.findings).toBeGreaterThan(0);
  });

  it("aggregates similar resources in a box, expands on request, and collapses groups into one node", async () => {
    const index = await dataFor(synthetic({ resources: 1000, regions: ["us-east-1"] }));
    const d = buildDiagram(index, { aggregateFrom: 3 });
    const aggs: string[] = [];
    walk(d.root, (n) => {
      if (n.kind === "leaf" && n.aggregate) aggs.push(n.id);
    });
    expect(aggs.length).toBeGreaterThan(0);
    const agg = aggs[0] as string;
    const expanded = buildDiagram(index, { aggregateFrom: 3, expanded: new Set([agg]) });
    let still = false;
    walk(expanded.root, (n) => {
      if (n.id === agg) still = true;
    });
    expect(still).toBe(false);
    const vpc = index.vpcs[0]?.id as string;
    const collapsed = buildDiagram(index, { collapsed: new Set([vpc]) });
    const inside = index.data.snapshot.resources.filter((r) => r.parent === vpc);
    for (const r of inside) expect(collapsed.nodeOf.get(r.id)).toBe(vpc);
  });

  it("filters by environment and VPC", async () => {
    const f = FIXTURES.coursedog;
    const index = await dataFor(f.build(), `${f.dir}/architecture.yaml`);
    const d = buildDiagram(index, { environment: "dev" });
    const vpcs: string[] = [];
    const leaves: string[] = [];
    walk(d.root, (n) => {
      if (n.kind === "group" && n.groupKind === "vpc") vpcs.push(n.label);
      if (n.kind === "leaf" && n.type === "AWS::EC2::Instance") leaves.push(n.label);
    });
    // coursedog's drift shows: dev's worker lives in the staging VPC, so that VPC is drawn with it alone.
    expect(vpcs).toEqual(["VPC coursedog-dev", "VPC coursedog-staging"]);
    expect(leaves.sort()).toEqual(["coursedog-dev-app-1", "dev-data-sync"]);
    const prod = index.vpcs.find((v) => v.name === "coursedog-production")?.id;
    const onlyProd = buildDiagram(index, { vpc: prod });
    const prodVpcs: string[] = [];
    walk(onlyProd.root, (n) => {
      if (n.kind === "group" && n.groupKind === "vpc") prodVpcs.push(n.label);
    });
    expect(prodVpcs).toEqual(["VPC coursedog-production"]);
  });

  it("lays out every node inside its parent, without overlapping siblings", async () => {
    const index = await dataFor(synthetic({ resources: 2000 }));
    const d = buildDiagram(index);
    await layoutTree(d.root);
    walk(d.root, (n, p) => {
      if (!p || p.groupKind === "root") return;
      expect(
        n.x >= p.x && n.y >= p.y && n.x + n.w <= p.x + p.w + 0.5 && n.y + n.h <= p.y + p.h + 0.5,
        n.id,
      ).toBe(true);
    });
    walk(d.root, (n) => {
      if (n.kind !== "group" || n.collapsed) return;
      const cs = n.children;
      for (let i = 0; i < cs.length; i++)
        for (let j = i + 1; j < cs.length; j++) {
          const a = cs[i] as DiagramNode;
          const b = cs[j] as DiagramNode;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${a.id} / ${b.id}`).toBe(false);
        }
    });
  });
});
