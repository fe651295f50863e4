import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "../../../fixtures/golden.ts";
import { FIXTURES } from "../../../fixtures/index.ts";
import { synthetic } from "../../../fixtures/synthetic.ts";
import { loadSpec } from "../../../src/architecture/load.ts";
import { analyzeSnapshot } from "../../../src/cli/check.ts";
import { findingsReportFor } from "../../../src/cli/serve.ts";
import type { Snapshot } from "../../../src/model/snapshot.ts";
import { layoutTree } from "./layout.ts";
import { buildDiagram, indexData, withoutVpcWords } from "./model.ts";
import { DEFAULT_EDGE_STYLES } from "./styles.ts";
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

describe("subnet short titles", () => {
  it.each([
    ["production-public-a", "coursedog-production", "public-a"],
    ["staging-private-b", "coursedog-staging", "private-b"],
    ["acme-shop-review-private-a", "acme-shop-review", "private-a"],
    ["public-a", "status-page", "public-a"],
    ["production", "production", "production"],
  ])("%s in VPC %s → %s", (name, vpc, short) => {
    expect(withoutVpcWords(name, vpc)).toBe(short);
  });
});

describe("the diagram model", () => {
  it("nests account › region › VPC › AZ › subnet › resource, with global services and the internet outside", async () => {
    const f = FIXTURES["beanstalk-app"];
    const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
    const kinds = new Map<string, string[]>();
    walk(d.root, (n, p) => {
      if (n.kind === "group" && p) kinds.set(n.groupKind, [...(kinds.get(n.groupKind) ?? []), p.groupKind]);
    });
    expect(new Set(kinds.get("account"))).toEqual(new Set(["root"]));
    expect(d.root.children.some((c) => c.kind === "leaf" && c.id === "internet")).toBe(true);
    expect(new Set(kinds.get("region"))).toEqual(new Set(["account"]));
    expect(new Set(kinds.get("vpc"))).toEqual(new Set(["region"]));
    expect(new Set(kinds.get("az"))).toEqual(new Set(["vpc"]));
    expect(new Set(kinds.get("subnet"))).toEqual(new Set(["az"]));
    expect(new Set(kinds.get("asg"))).toEqual(new Set(["vpc"]));
    // CloudFront (global) is outside every VPC; instances sit in their subnet, or in their Auto Scaling
    // group; the load balancer spans its subnets from the VPC; the internet gateway is on the VPC's border.
    const parents = new Map<string, Set<string>>();
    walk(d.root, (n, p) => {
      if (n.kind === "leaf" && p) parents.set(n.type, (parents.get(n.type) ?? new Set()).add(p.groupKind));
    });
    expect(parents.get("AWS::CloudFront::Distribution")).toEqual(new Set(["global"]));
    expect(parents.get("AWS::EC2::Instance")).toEqual(new Set(["subnet", "asg"]));
    expect(parents.get("AWS::ElasticLoadBalancingV2::LoadBalancer")).toEqual(new Set(["vpc"]));
    expect(parents.get("AWS::RDS::DBInstance")).toEqual(new Set(["subnet"]));
    let igw: DiagramNode | undefined;
    walk(d.root, (n) => {
      if (n.kind === "leaf" && n.type === "AWS::EC2::InternetGateway") igw = n;
    });
    expect(igw?.kind === "leaf" && igw.role).toBe("border");
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

  it("lays out every node inside its parent, no two cards over each other, each over its own subnet", async () => {
    const index = await dataFor(synthetic({ resources: 2000 }));
    const d = buildDiagram(index, { aggregateFrom: Number.POSITIVE_INFINITY });
    await layoutTree(d.root);
    const cards: DiagramNode[] = [];
    const boxes = new Map<string, DiagramNode>();
    walk(d.root, (n, p) => {
      if (n.kind === "leaf") cards.push(n);
      else boxes.set(n.id, n);
      // The internet gateway straddles its VPC's border, as AWS draws it: the one node outside its parent.
      if (!p || p.groupKind === "root" || (n.kind === "leaf" && n.role === "border")) return;
      expect(
        n.x >= p.x && n.y >= p.y && n.x + n.w <= p.x + p.w + 0.5 && n.y + n.h <= p.y + p.h + 0.5,
        n.id,
      ).toBe(true);
    });
    cards.sort((a, b) => a.x - b.x);
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) {
        const a = cards[i] as DiagramNode;
        const b = cards[j] as DiagramNode;
        if (b.x >= a.x + a.w) break;
        const overlap = a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
    for (const c of cards) {
      if (c.kind !== "leaf" || c.subnets.length === 0 || c.role === "border") continue;
      const own = c.subnets.map((s) => boxes.get(s)).filter((s): s is DiagramNode => s !== undefined);
      const over = own.some((s) => c.x < s.x + s.w && s.x < c.x + c.w && c.y < s.y + s.h && s.y < c.y + c.h);
      expect(over, `${c.id} is drawn over one of its subnets`).toBe(true);
    }
  });

  it("puts subnet tiers in rows aligned across AZ columns, public rows on top", async () => {
    const f = FIXTURES["status-page"];
    const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
    await layoutTree(d.root);
    const subnets: GroupNode[] = [];
    walk(d.root, (n) => {
      if (n.kind === "group" && n.groupKind === "subnet") subnets.push(n);
    });
    const rows = new Map<number, GroupNode[]>();
    for (const s of subnets) rows.set(s.y, [...(rows.get(s.y) ?? []), s]);
    // Three tiers (public, app, db) × two AZs: three rows of two.
    expect([...rows.values()].map((r) => r.length)).toEqual([2, 2, 2]);
    const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r[0]?.subnetClass);
    expect(ordered[0]).toBe("public");
    expect(ordered.slice(1)).not.toContain("public");
  });

  it("draws load balancer → targets once per Auto Scaling group with the target group's port, never to a box", async () => {
    const f = FIXTURES["status-page"];
    const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
    const targets = d.edges.filter((e) => e.style === "targets");
    expect(targets).toHaveLength(1);
    expect(targets[0]?.ports).toBe("HTTP:8000");
    expect(targets[0]?.to).toMatch(/autoScalingGroupName\/status-page-app$/);
    expect(targets[0]?.pairs).toHaveLength(2);
  });

  it("draws a subnet whose class the view does not know as unknown, never as public or private", async () => {
    const f = FIXTURES["status-page"];
    const index = await dataFor(f.build(), `${f.dir}/architecture.yaml`);
    const view = index.data.report.view;
    if (!view) throw new Error("view");
    const [first] = Object.keys(view.subnetClasses);
    const without = indexData({
      snapshot: index.data.snapshot,
      report: {
        ...index.data.report,
        view: { ...view, subnetClasses: { ...view.subnetClasses, [first as string]: "unknown" } },
      },
    });
    const d = buildDiagram(without);
    let drawn: GroupNode | undefined;
    walk(d.root, (n) => {
      if (n.kind === "group" && n.id === first) drawn = n;
    });
    expect(drawn?.subnetClass).toBe("unknown");
    expect(drawn?.sublabel).toContain("route table not recorded");
  });

  it.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])(
    "%s: no two cards read the same, and the default view has no more edges than cards",
    async (name) => {
      const f = FIXTURES[name];
      const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
      const texts = new Map<string, string>();
      let cards = 0;
      walk(d.root, (n) => {
        if (n.kind !== "leaf") return;
        cards++;
        const t = `${n.lines.join("\n")}\n${n.sub}`;
        expect(texts.get(t), `${n.id} reads like ${texts.get(t)}`).toBeUndefined();
        texts.set(t, n.id);
      });
      const shown = d.edges.filter((e) => DEFAULT_EDGE_STYLES.has(e.style));
      expect(shown.length).toBeLessThanOrEqual(cards);
    },
  );

  it("marks a Multi-AZ database's standby in the other AZ's subnet", async () => {
    const f = FIXTURES["beanstalk-app"];
    const d = buildDiagram(await dataFor(f.build(), `${f.dir}/architecture.yaml`));
    const dbs: { role: string | undefined; parent: string }[] = [];
    walk(d.root, (n, p) => {
      if (n.kind === "leaf" && n.type === "AWS::RDS::DBInstance")
        dbs.push({ role: n.role, parent: p?.id ?? "" });
    });
    expect(dbs.map((x) => x.role ?? "primary").sort()).toEqual(["primary", "standby"]);
    expect(dbs[0]?.parent).not.toBe(dbs[1]?.parent);
  });
});

describe("a comparison (serve --compare)", () => {
  it("marks added, removed and changed nodes and edges, and 'changes only' keeps just those", async () => {
    const { compareSnapshots } = await import("../../../src/diff/compare.ts");
    const old = FIXTURES["status-page"].build();
    const now = structuredClone(old);
    const app1 = now.resources.find((r) => r.name === "status-page-app-1");
    const test = now.resources.find((r) => r.name === "test-server" && r.type === "AWS::EC2::Instance");
    if (!app1 || !test) throw new Error("status-page changed");
    app1.tags = { ...app1.tags, Owner: "payments" };
    now.resources = now.resources.filter((r) => r.id !== test.id);
    now.edges = now.edges.filter((e) => e.from !== test.id && e.to !== test.id);
    const c = compareSnapshots(old, now, undefined, {
      version: "t",
      oldFile: "old.json",
      newFile: "new.json",
    });
    const report = findingsReportFor(c.current, c.findings, c.view, "new.json");
    const index = indexData({ snapshot: c.snapshot, report });
    const marks = new Map<string, string | undefined>();
    walk(buildDiagram(index).root, (n) => {
      if (n.kind === "leaf" && !n.aggregate) marks.set(n.id, n.change);
    });
    expect(marks.get(test.id)).toBe("removed");
    expect(marks.get(app1.id)).toBe("changed");
    expect([...marks.values()].filter(Boolean).length).toBe(2);
    const only: string[] = [];
    const d = buildDiagram(index, { changesOnly: true });
    walk(d.root, (n) => {
      if (n.kind === "leaf") only.push(n.id);
    });
    expect(only.sort()).toEqual([app1.id, test.id, "internet"].sort());
    // An edge of the removed server is drawn removed; none is marked added.
    const full = buildDiagram(index, { collapsed: new Set() });
    expect(full.edges.filter((e) => e.change === "added")).toEqual([]);
  });
});
