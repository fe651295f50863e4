import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { synthetic } from "../../fixtures/synthetic.ts";
import { recordedIndex } from "../model/recorded.ts";
import type { Resource, ResourceOf, Snapshot } from "../model/snapshot.ts";
import { diffResource, diffResources } from "./changes.ts";

const sgRule = (over: Record<string, unknown> = {}) => ({
  protocol: "tcp",
  fromPort: 443,
  toPort: 443,
  ipv4Ranges: [] as string[],
  ipv6Ranges: [] as string[],
  groupRefs: [] as { groupId: string; account: string | null }[],
  prefixListIds: [] as string[],
  description: null as string | null,
  ...over,
});

function sg(ingress: unknown[], tags: Record<string, string> = {}): ResourceOf<"AWS::EC2::SecurityGroup"> {
  return {
    id: "arn:aws:ec2:us-east-1:111111111111:security-group/sg-0a1b2c3d4e5f60718",
    type: "AWS::EC2::SecurityGroup",
    account: "111111111111",
    region: "us-east-1",
    name: "web",
    tags,
    props: {
      groupId: "sg-0a1b2c3d4e5f60718",
      groupName: "web",
      description: "web",
      vpcId: "vpc-1",
      ingress: ingress as ResourceOf<"AWS::EC2::SecurityGroup">["props"]["ingress"],
      egress: [],
    },
  };
}

const texts = (a: Resource, b: Resource) => diffResource(a, b).map((c) => c.text);

describe("diffResource: changes in a reviewer's words", () => {
  it("a security group rule opened, closed, and a peer group named", () => {
    const before = sg([sgRule({ ipv4Ranges: ["10.0.0.0/16"] })]);
    const after = sg([
      sgRule({ ipv4Ranges: ["10.0.0.0/16"] }),
      sgRule({ fromPort: 5432, toPort: 5432, ipv4Ranges: ["0.0.0.0/0"] }),
      sgRule({
        protocol: "-1",
        fromPort: null,
        toPort: null,
        groupRefs: [{ groupId: "sg-9", account: null }],
      }),
    ]);
    expect(texts(before, after)).toEqual([
      "ingress: + tcp/5432 from 0.0.0.0/0",
      "ingress: + all traffic from sg-9",
    ]);
    expect(texts(after, before)).toEqual([
      "ingress: − tcp/5432 from 0.0.0.0/0",
      "ingress: − all traffic from sg-9",
    ]);
  });

  it("sets are sets: rule order, a rule split per range or merged, and a changed comment are no change", () => {
    const merged = sg([
      sgRule({ ipv4Ranges: ["10.0.0.0/16", "0.0.0.0/0"], description: "web" }),
      sgRule({ fromPort: 22, toPort: 22, ipv4Ranges: ["10.1.0.0/16"] }),
    ]);
    const split = sg([
      sgRule({ fromPort: 22, toPort: 22, ipv4Ranges: ["10.1.0.0/16"], description: "ssh from the VPN" }),
      sgRule({ ipv4Ranges: ["0.0.0.0/0"] }),
      sgRule({ ipv4Ranges: ["10.0.0.0/16"] }),
    ]);
    expect(texts(merged, split)).toEqual([]);
  });

  it("values: false → true, a value no longer recorded says so (never false), tags by key", () => {
    const db = (props: Record<string, unknown>, tags: Record<string, string>) =>
      ({ ...sg([]), type: "AWS::RDS::DBInstance", tags, props }) as unknown as Resource;
    expect(
      texts(
        db({ publiclyAccessible: false, storageEncrypted: true }, { Environment: "staging", Team: "a" }),
        db({ publiclyAccessible: true }, { Environment: "production", Owner: "b" }),
      ),
    ).toEqual([
      "tags.Environment: staging → production",
      "tags.Owner: + b (tag added)",
      "tags.Team: − a (tag removed)",
      "publiclyAccessible: false → true",
      "storageEncrypted: true → not recorded",
    ]);
  });

  it("what follows the load is not a change: running counts, desired capacity, the instances of a group", () => {
    const svc = (runningCount: number) =>
      ({
        ...sg([]),
        type: "AWS::ECS::Service",
        props: { desiredCount: 4, runningCount },
      }) as unknown as Resource;
    expect(texts(svc(3), svc(4))).toEqual([]);
    const asg = (desiredCapacity: number, instanceIds: string[]) =>
      ({
        ...sg([]),
        type: "AWS::AutoScaling::AutoScalingGroup",
        props: { minSize: 2, desiredCapacity, instanceIds },
      }) as unknown as Resource;
    expect(texts(asg(2, ["i-1", "i-2"]), asg(3, ["i-3", "i-1", "i-2"]))).toEqual([]);
  });

  it("routes and network ACL entries read as routes and rules", () => {
    const rt = (routes: unknown[]) =>
      ({ ...sg([]), type: "AWS::EC2::RouteTable", props: { routes } }) as unknown as Resource;
    const route = {
      destinationCidr: "0.0.0.0/0",
      destinationIpv6Cidr: null,
      destinationPrefixListId: null,
      targetKind: "internet-gateway",
      targetId: "igw-1",
      state: "active",
    };
    expect(texts(rt([]), rt([route]))).toEqual(["routes: + 0.0.0.0/0 → igw-1 (internet-gateway)"]);
    const acl = (entries: unknown[]) =>
      ({ ...sg([]), type: "AWS::EC2::NetworkAcl", props: { entries } }) as unknown as Resource;
    const entry = {
      ruleNumber: 90,
      egress: false,
      protocol: "6",
      ruleAction: "deny",
      cidrBlock: "0.0.0.0/0",
      ipv6CidrBlock: null,
      fromPort: 22,
      toPort: 22,
    };
    expect(texts(acl([]), acl([entry]))).toEqual(["entries: + ingress #90 deny tcp/22 from 0.0.0.0/0"]);
  });
});

/** Shuffles an array in place with a seeded generator (a scan lists things in any order). */
function shuffle<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

const BASE = synthetic({ resources: 1500, seed: 7 });

describe("diffResources round trip on the synthetic generator", () => {
  const rec = (s: Snapshot) => recordedIndex(s);

  it("finds exactly the planted changes, whatever the order a scan lists things in", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(BASE.resources.length - 1), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (picks, seed) => {
          const now = structuredClone(BASE);
          const [toRemove, toTag, toAdd] = [
            picks.filter((_, i) => i % 3 === 0),
            picks.filter((_, i) => i % 3 === 1),
            picks.filter((_, i) => i % 3 === 2),
          ];
          const removed = new Set(toRemove.map((i) => BASE.resources[i]?.id ?? ""));
          const tagged = new Set(toTag.map((i) => BASE.resources[i]?.id ?? ""));
          const addedIds: string[] = [];
          now.resources = now.resources.filter((r) => !removed.has(r.id));
          const edgesGone = now.edges.filter((e) => removed.has(e.from) || removed.has(e.to));
          now.edges = now.edges.filter((e) => !removed.has(e.from) && !removed.has(e.to));
          for (const r of now.resources) if (tagged.has(r.id)) r.tags = { ...r.tags, Planted: `v${seed}` };
          for (const i of toAdd) {
            const src = BASE.resources[i];
            if (!src) continue;
            const copy = { ...structuredClone(src), id: `${src.id}-copy` };
            addedIds.push(copy.id);
            now.resources.push(copy);
          }
          // Noise a rescan brings: another order of resources, edges, tags and security group rules.
          shuffle(now.resources, seed);
          shuffle(now.edges, seed + 1);
          for (const r of now.resources) {
            r.tags = Object.fromEntries(shuffle(Object.entries(r.tags), seed));
            if (r.type === "AWS::EC2::SecurityGroup") {
              const p = (r as ResourceOf<"AWS::EC2::SecurityGroup">).props;
              if (p.ingress) shuffle(p.ingress, seed + 2);
            }
          }
          now.scannedAt = "2026-12-04T10:00:00Z";
          const d = diffResources(BASE, now, { old: rec(BASE), new: rec(now) });
          expect(d.removed.map((r) => r.id).sort()).toEqual(
            [...removed].filter((id) => !tagged.has(id)).sort(),
          );
          expect(d.added.map((r) => r.id).sort()).toEqual(addedIds.sort());
          const expectTagged = [...tagged].filter((id) => !removed.has(id)).sort();
          expect(d.changed.map((c) => c.after.id).sort()).toEqual(expectTagged);
          for (const c of d.changed)
            expect(c.changes.map((x) => x.text)).toEqual([`tags.Planted: + v${seed} (tag added)`]);
          const k = (e: { from: string; to: string; kind: string }) => `${e.kind} ${e.from} ${e.to}`;
          expect(d.edgesRemoved.map(k).sort()).toEqual([...new Set(edgesGone.map(k))].sort());
          expect(d.edgesAdded).toEqual([]);
          expect(d.unrecorded).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 13 },
    );
  });
});
