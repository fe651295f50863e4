import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeFacts } from "../../analysis/facts.ts";
import { exposureUnknowns, possiblePorts } from "../../analysis/reachability.ts";
import { Graph } from "../../model/graph.ts";
import { serializeSnapshot, validateSnapshot } from "../../model/io.ts";
import { importPaths } from "./index.ts";

// CloudMapper's own demo account, as its `collect` writes it (testdata/cloudmapper-demo/README.md): a dump no
// one here wrote, with the files collect never writes missing, nested per-resource folders, and the account
// folder named after the account.

const DEMO = join(import.meta.dirname, "testdata", "cloudmapper-demo");
const ACCOUNT = "123456789012";
const arn = (kind: string, id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:${kind}/${id}`;

describe("a CloudMapper collection (its demo account)", async () => {
  const r = await importPaths([DEMO]);
  const s = r.snapshot;
  const byId = new Map(s.resources.map((x) => [x.id, x]));
  const coverage = (service: string) => s.coverage.find((c) => c.service === service);

  it("loads: the account from sts-get-caller-identity.json, its region, and a snapshot the loader accepts", () => {
    expect(s.scope).toEqual({ accounts: [ACCOUNT], regions: ["us-east-1"] });
    expect(validateSnapshot(JSON.parse(serializeSnapshot(s))).ok).toBe(true);
  });

  it("reads a per-resource folder that holds a region-named folder as that operation, not as a region", () => {
    const file = r.read.find((f) => f.file.includes("route53-list-hosted-zones-by-vpc"));
    expect(file?.kind).toBe("AWS CLI output (route53 list-hosted-zones-by-vpc)");
    expect(r.skipped.filter((f) => f.file.includes("route53-list-hosted-zones-by-vpc"))).toEqual([]);
    // The zones themselves were not collected: partial, never "not in the import".
    expect(coverage("route53")).toMatchObject({
      region: "global",
      status: "partial",
      error: "partial import: no route53-list-hosted-zones.json, route53-list-tags-for-resources.json",
    });
  });

  it("keeps the ECS task read from ecs-describe-tasks/<cluster>/<task>, though collect describes no clusters or services", () => {
    const task = byId.get(`arn:aws:ecs:us-east-1:${ACCOUNT}:task/d190d14a-2404-45d6-9113-4eda22d7f2c7`);
    expect(task).toMatchObject({
      type: "AWS::ECS::Task",
      props: { group: "family:myecs", launchType: "FARGATE", networkInterfaceIds: ["eni-00000001"] },
    });
    expect(byId.get(arn("network-interface", "eni-00000001"))?.props).toMatchObject({ attachedTo: task?.id });
    expect(coverage("ecs")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::ECS::Cluster", "AWS::ECS::Service"],
    });
    // What the internet can reach of it is asked of the task, through its ENI's subnet and groups.
    const facts = computeFacts(new Graph(s));
    const e = facts.reach.exposure(task as NonNullable<typeof task>);
    expect(exposureUnknowns(e).join(" ")).toMatch(/routes to an internet gateway/);
    expect(possiblePorts(e.world)).toContainEqual([443, 443]);
  });

  it("places an instance by DescribeInstances' own NetworkInterfaces when the ENI listing lacks them", () => {
    const eni = byId.get(arn("network-interface", "eni-00000000"));
    expect(eni?.props).toMatchObject({
      subnetId: "subnet-00000001",
      securityGroupIds: ["sg-00000002"],
      publicIp: "1.2.3.4",
      privateIpAddresses: ["10.0.0.1"],
      attachedTo: arn("instance", "i-00000000000000000"),
    });
    // DescribeInstances carries no tags of its interfaces: not recorded, not "none".
    expect(coverage("ec2")?.notRecorded).toContain("AWS::EC2::NetworkInterface.tags");
  });

  it("does not read an internet-facing load balancer as unexposed when its listeners and ENIs were not collected", () => {
    expect(coverage("elbv2")).toMatchObject({
      status: "partial",
      notRecorded: expect.arrayContaining(["AWS::ElasticLoadBalancingV2::Listener"]),
    });
    const lb = byId.get(`arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/demo/qwerty`);
    const e = computeFacts(new Graph(s)).reach.exposure(lb as NonNullable<typeof lb>);
    expect(possiblePorts(e.world)).toContainEqual([443, 443]);
  });

  it("answers CloudMapper's `public` (an ECS task and an ALB on 443) as unknown, for want of route tables", () => {
    const facts = computeFacts(new Graph(s));
    const unknownOn443 = s.resources
      .filter((x) => {
        const e = facts.reach.exposure(x);
        const maybe = e.world.unknown?.ports ?? [];
        return maybe.some(([from, to]) => from <= 443 && 443 <= to);
      })
      .map((x) => x.type)
      .sort();
    expect(unknownOn443).toEqual(
      expect.arrayContaining(["AWS::ECS::Task", "AWS::ElasticLoadBalancingV2::LoadBalancer"]),
    );
  });

  it("lists what it does not read as skipped, never as an error", () => {
    const skipped = r.skipped.map((f) => f.file.slice(DEMO.length + 1));
    expect(skipped).toEqual(
      expect.arrayContaining([
        "demo/us-east-1/ec2-describe-snapshots.json",
        "demo/us-east-1/ecs-list-tasks/arn%3Aaws%3Aecs%3Aus-east-1%3A123456789012%3Acluster%2Fmyecs",
        "demo/us-east-1/s3-get-bucket-policy/cloudmapper_demo",
      ]),
    );
    expect(skipped.filter((f) => f.includes("describe-regions"))).toEqual([]);
  });
});
