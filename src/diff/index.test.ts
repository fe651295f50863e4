import { describe, expect, it } from "vitest";
import { tcp, type VpcWithDefaults } from "../../fixtures/builder.ts";
import { parseSpec } from "../architecture/load.ts";
import type { Resource, ResourceOf, Snapshot } from "../model/snapshot.ts";
import { documentedShop, SHOP_SPEC } from "../rules/spec-test-scenario.ts";
import { NOW, network } from "../rules/test-helpers.ts";
import { diffSnapshots } from "./index.ts";

// The story: the documented shop (src/rules/spec-test-scenario.ts: an ALB in front of two app servers, a
// Postgres database, a bastion) scanned last week, and again today after one change each test names.

type Change = (shop: ReturnType<typeof documentedShop>) => void;

function scan(change?: Change): Snapshot {
  const shop = documentedShop();
  change?.(shop);
  return shop.b.build();
}

const spec = parseSpec(SHOP_SPEC, "architecture.yaml", { now: NOW });

function diff(change: Change, opts: { spec?: boolean } = {}) {
  return diffSnapshots(scan(), scan(change), {
    oldFile: "last-week.json",
    newFile: "today.json",
    ...(opts.spec ? { spec, specFile: "architecture.yaml" } : {}),
    failOn: "high",
    now: NOW,
    version: "test",
  });
}

const byName = (s: Snapshot, name: string): Resource => {
  const r = s.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no ${name}`);
  return r;
};

describe("diffSnapshots on the documented shop", () => {
  it("identical scans: an empty diff that passes", () => {
    const d = diff(() => {});
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.edges).toEqual({ added: [], removed: [] });
    expect(d.exposure).toEqual({ internet: [], tierFlows: [] });
    expect(d.findings.new).toEqual([]);
    expect(d.findings.fixed).toEqual([]);
    expect(d.findings.open.length).toBeGreaterThan(0);
    expect(d.summary.failing).toBe(0);
  });

  it("a removed instance: removed, its edges gone, its findings fixed", () => {
    const old = scan();
    const now = scan();
    const gone = byName(now, "app-2");
    now.resources = now.resources.filter((r) => r.id !== gone.id);
    now.edges = now.edges.filter((e) => e.from !== gone.id && e.to !== gone.id);
    const d = diffSnapshots(old, now, { oldFile: "a", newFile: "b", failOn: "high", now: NOW, version: "t" });
    expect(d.removed.map((r) => r.name)).toEqual(["app-2"]);
    expect(d.added).toEqual([]);
    expect(d.edges.removed.length).toBeGreaterThan(0);
    expect(d.edges.removed.every((e) => e.from === gone.id || e.to === gone.id)).toBe(true);
  });

  it("an added instance in a public subnet: added, exposed, and the new findings name it as the cause", () => {
    const d = diff(({ a, pub, bastionSg }) => {
      a.instance(pub, "debug-box", { securityGroups: [bastionSg], publicIp: true, imdsV2: false });
    });
    expect(d.added.map((r) => `${r.type} ${r.name}`)).toContain("AWS::EC2::Instance debug-box");
    expect(d.added.find((r) => r.name === "debug-box")?.vpcName).toBe("main");
    const exposed = d.exposure.internet.filter((e) => e.resourceName === "debug-box");
    expect(exposed).toEqual([
      expect.objectContaining({ change: "opened", ports: "tcp/22", via: "listed addresses" }),
    ]);
    const imds = d.findings.new.find((f) => f.ruleId === "imdsv1-enabled");
    expect(imds?.cause).toEqual(["debug-box was added"]);
  });

  it("a changed security-group rule: in words, the internet path it opened, the finding it caused, exit 1", () => {
    const d = diff(({ a, bastionSg }) => {
      a.allowIngress(bastionSg, tcp(22, "0.0.0.0/0", "temporary: working from home"));
    });
    const sg = d.changed.find((c) => c.name === "bastion" && c.type === "AWS::EC2::SecurityGroup");
    expect(sg?.changes.map((c) => c.text)).toEqual(["ingress: + tcp/22 from 0.0.0.0/0"]);
    const opened = d.exposure.internet.filter((e) => e.change === "opened");
    expect(opened.map((e) => `${e.resourceName} ${e.ports} ${e.via}`)).toContain(
      "bastion tcp/22 any address",
    );
    const hop = opened.find((e) => e.resourceName === "bastion")?.openedBy.join(" ");
    expect(hop).toMatch(/security group "bastion".*ingress tcp\/22 from 0\.0\.0\.0\/0/);
    const ssh = d.findings.new.find((f) => f.ruleId === "admin-port-open-to-world");
    expect(ssh?.cause?.join(" ")).toContain("ingress: + tcp/22 from 0.0.0.0/0");
    expect(d.summary.failing).toBeGreaterThan(0);
  });

  it("a new peering: the connection added, the route to it as a change and as an edge", () => {
    const d = diff(({ a, b }) => {
      const partner = network(a, "partner", "10.9.0.0/16");
      const main = b.all().find((r) => r.type === "AWS::EC2::VPC" && r.name === "main");
      const rt = b.all().find((r) => r.name === "main-private") as ResourceOf<"AWS::EC2::RouteTable">;
      if (!main || !rt) throw new Error("shop changed");
      const pcx = a.peering({ vpc: main } as VpcWithDefaults, partner.v, "main-partner");
      a.addRoute(rt, "10.9.0.0/16", pcx);
    });
    const pcx = d.added.find((r) => r.type === "AWS::EC2::VPCPeeringConnection");
    expect(pcx?.name).toBe("main-partner");
    const rt = d.changed.find((c) => c.name === "main-private");
    expect(rt?.changes.map((c) => c.text)).toEqual([
      expect.stringMatching(/^routes: \+ 10\.9\.0\.0\/16 → pcx-[0-9a-f]+ \(vpc-peering\)$/),
    ]);
    expect(d.edges.added).toContainEqual({ from: rt?.id, to: pcx?.id, kind: "routes" });
  });

  it("renamed tags: the old key removed, the new one added, each in words", () => {
    const d = diff(({ app1 }) => {
      app1.tags.env = "production";
    });
    expect(d.changed.map((c) => c.changes.map((x) => x.text))).toEqual([
      ["tags.env: + production (tag added)"],
    ]);
    const renamed = diffSnapshots(
      scan(({ app1 }) => {
        app1.tags.env = "production";
      }),
      scan(({ app1 }) => {
        app1.tags.Environment = "production";
      }),
      { oldFile: "a", newFile: "b", failOn: "high", now: NOW, version: "t" },
    );
    expect(renamed.changed[0]?.changes.map((c) => c.text)).toEqual([
      "tags.Environment: + production (tag added)",
      "tags.env: − production (tag removed)",
    ]);
    const staged = diffSnapshots(
      scan(({ db }) => {
        db.tags.Environment = "staging";
      }),
      scan(({ db }) => {
        db.tags.Environment = "production";
      }),
      { oldFile: "a", newFile: "b", failOn: "high", now: NOW, version: "t" },
    );
    expect(staged.changed[0]?.changes.map((c) => c.text)).toEqual(["tags.Environment: staging → production"]);
  });

  it("with the spec: tier flows that became possible, and their findings", () => {
    const d = diff(
      ({ a, dbSg, bastionSg }) => {
        a.allowIngress(dbSg, tcp(5432, bastionSg));
      },
      { spec: true },
    );
    expect(d.exposure.tierFlows).toEqual([
      expect.objectContaining({ from: "bastion", to: "data", change: "possible", ports: "tcp/5432" }),
    ]);
    const flow = d.findings.new.find((f) => f.ruleId === "flow-undocumented");
    expect(flow?.cause?.join(" ")).toMatch(/db: ingress: \+ tcp\/5432 from "bastion" \(sg-[0-9a-f]+\)/);
  });

  it("a flow closed: no longer possible, the finding it fixes, no new one", () => {
    const d = diff(
      ({ bastionSg }) => {
        bastionSg.props.ingress = [];
      },
      { spec: true },
    );
    expect(d.exposure.internet).toContainEqual(
      expect.objectContaining({ resourceName: "bastion", change: "closed", ports: "tcp/22" }),
    );
    expect(d.findings.new.filter((f) => f.ruleId !== "flow-broken")).toEqual([]);
  });

  it("snapshots of different accounts: refused with a clear error, compared with allowDifferentScope", () => {
    const old = scan();
    const other = JSON.parse(JSON.stringify(old).replaceAll("111111111111", "222222222222")) as Snapshot;
    expect(() =>
      diffSnapshots(old, other, { oldFile: "a.json", newFile: "b.json", failOn: "high", version: "t" }),
    ).toThrow(/different accounts \(only in a\.json: 111111111111; only in b\.json: 222222222222\)/);
    const d = diffSnapshots(old, other, {
      oldFile: "a.json",
      newFile: "b.json",
      failOn: "high",
      version: "t",
      allowDifferentScope: true,
    });
    expect(d.scope.accountsOnlyInOld).toEqual(["111111111111"]);
    // Neither scan read the other's account: nothing there is added or removed, all of it is not compared.
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual([]);
    expect(d.unrecorded.length).toBe(2 * old.resources.length);
  });

  it("a service not read in the new scan: its resources are not compared, never removed", () => {
    const old = scan();
    const now = scan();
    now.resources = now.resources.filter((r) => r.type !== "AWS::RDS::DBInstance");
    now.edges = now.edges.filter((e) => !e.from.includes(":rds:") && !e.to.includes(":rds:"));
    now.coverage = now.coverage.map((c) =>
      c.service === "rds" ? { ...c, status: "denied", error: "AccessDenied" } : c,
    );
    const d = diffSnapshots(old, now, { oldFile: "a", newFile: "b", failOn: "high", now: NOW, version: "t" });
    expect(d.removed).toEqual([]);
    expect(d.unrecorded.map((u) => [u.name, u.missingFrom])).toEqual([["orders", "new"]]);
    expect(d.edges.removed).toEqual([]);
    // Its checks are not fixed: they became unverified.
    expect(d.findings.fixed.filter((f) => f.resourceType === "AWS::RDS::DBInstance")).toEqual([]);
    expect(d.unverified.new.length).toBeGreaterThan(0);
  });
});

describe("diffSnapshots round trip on the synthetic generator", () => {
  it("finds exactly the planted changes (fixtures/synthetic.ts plantChanges), and what they caused", async () => {
    const { plantChanges, synthetic } = await import("../../fixtures/synthetic.ts");
    const old = synthetic({ resources: 3000, seed: 3 });
    const planted = plantChanges(old);
    expect(planted.removed.length).toBeGreaterThan(0);
    expect(Object.keys(planted.changed).length).toBeGreaterThan(2);
    const d = diffSnapshots(old, planted.snapshot, {
      oldFile: "a",
      newFile: "b",
      failOn: "high",
      now: NOW,
      version: "t",
    });
    expect(d.removed.map((r) => r.id).sort()).toEqual(planted.removed);
    expect(d.added.map((r) => r.id).sort()).toEqual(planted.added);
    expect(Object.fromEntries(d.changed.map((c) => [c.id, c.changes.map((x) => x.text)]))).toEqual(
      planted.changed,
    );
    // Each opened security group is a new finding, with the rule that opened it as its cause.
    const opened = Object.entries(planted.changed).filter(([, t]) => t[0]?.startsWith("ingress"));
    for (const [id] of opened) {
      const f = d.findings.new.find((x) => x.ruleId === "admin-port-open-to-world" && x.resourceId === id);
      expect(f?.cause?.join(" ")).toContain("ingress: + tcp/22 from 0.0.0.0/0");
    }
    expect(d.findings.new.every((f) => (f.cause ?? []).length > 0)).toBe(true);
  });
});
