import { describe, expect, it } from "vitest";
import { computeFacts } from "../../analysis/facts.ts";
import { exposureUnknowns } from "../../analysis/reachability.ts";
import { Graph } from "../../model/graph.ts";
import type { Coverage, ResourceOf } from "../../model/snapshot.ts";
import { runChecks } from "../../rules/engine.ts";
import { RULES } from "../../rules/index.ts";
import { assembleSnapshot } from "../assemble.ts";
import { configCoverage } from "./coverage.ts";
import type { ConfigItem } from "./item.ts";
import { normalizeConfigItems, withNotRecorded } from "./normalize.ts";
import { ACCOUNT, item, REGION } from "./test-item.ts";

// Configuration items are recorded one resource at a time: they are joined here. The association items'
// configurations are CloudFormation-shaped, as the AWS Config resource schema lists their properties
// (github.com/awslabs/aws-config-resource-schema, config/properties/resource-types/
// AWS::EC2::SubnetRouteTableAssociation.properties.json: configuration.Id, .RouteTableId, .SubnetId) and
// CloudFormation names them for the other three (AWS::EC2::EIPAssociation AllocationId / EIP / InstanceId /
// NetworkInterfaceId, AWS::EC2::SubnetNetworkAclAssociation SubnetId / NetworkAclId,
// AWS::EC2::VPCGatewayAttachment VpcId / InternetGatewayId). No recorded example of those is public.

const arn = (kind: string, id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${kind}/${id}`;
const OLD = "2026-10-01T00:00:00.000Z";
const NEW = "2026-11-01T00:00:00.000Z";

const vpc = item({ resourceId: "vpc-1", configuration: { vpcId: "vpc-1", cidrBlock: "10.0.0.0/16" } });
const subnet = (id: string, cidr: string) =>
  item({
    resourceType: "AWS::EC2::Subnet",
    resourceId: id,
    configuration: { subnetId: id, vpcId: "vpc-1", cidrBlock: cidr, availabilityZone: "eu-west-1a" },
  });
const mainTable = item({
  resourceType: "AWS::EC2::RouteTable",
  resourceId: "rtb-main",
  capturedAt: OLD,
  configuration: {
    routeTableId: "rtb-main",
    vpcId: "vpc-1",
    associations: [{ main: true, routeTableAssociationId: "rtbassoc-main", routeTableId: "rtb-main" }],
    routes: [
      { destinationCidrBlock: "10.0.0.0/16", gatewayId: "local", state: "active" },
      { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1", state: "active" },
    ],
  },
});
const defaultAcl = (subnets: string[]) =>
  item({
    resourceType: "AWS::EC2::NetworkAcl",
    resourceId: "acl-default",
    capturedAt: OLD,
    configuration: {
      networkAclId: "acl-default",
      vpcId: "vpc-1",
      isDefault: true,
      associations: subnets.map((s) => ({ subnetId: s, networkAclId: "acl-default" })),
      entries: [
        { ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" },
        { ruleNumber: 100, egress: true, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" },
      ],
    },
  });
const eip = (capturedAt: string) =>
  item({
    resourceType: "AWS::EC2::EIP",
    resourceId: "eipalloc-1",
    capturedAt,
    configuration: { allocationId: "eipalloc-1", publicIp: "203.0.113.10", domain: "vpc" },
  });
const nat = (capturedAt: string) =>
  item({
    resourceType: "AWS::EC2::NatGateway",
    resourceId: "nat-1",
    capturedAt,
    configuration: {
      natGatewayId: "nat-1",
      vpcId: "vpc-1",
      subnetId: "subnet-pub",
      state: "available",
      natGatewayAddresses: [
        { allocationId: "eipalloc-1", publicIp: "203.0.113.10", networkInterfaceId: "eni-nat" },
      ],
    },
  });

function snapshotOf(items: ConfigItem[]) {
  const out = normalizeConfigItems(items);
  const queries: Coverage[] = [{ account: ACCOUNT, region: REGION, service: "config", status: "scanned" }];
  const coverage = withNotRecorded([...queries, ...configCoverage(queries, {})], out.notRecorded);
  const { snapshot } = assembleSnapshot({
    resources: out.resources,
    edges: out.edges,
    coverage,
    accounts: [ACCOUNT],
    regions: [REGION],
    source: "aws-config",
    scannedAt: new Date(NEW),
    notes: out.notes,
  });
  return { out, snapshot, graph: new Graph(snapshot) };
}

const eipOf = (g: Graph) => g.ofType("AWS::EC2::EIP")[0] as ResourceOf<"AWS::EC2::EIP">;

describe("reconciling AWS Config items", () => {
  it("takes a NAT gateway's newer item over its Elastic IP's stale one: the address is in use, not unused", () => {
    const { out, graph } = snapshotOf([vpc, subnet("subnet-pub", "10.0.0.0/24"), eip(OLD), nat(NEW)]);
    expect(eipOf(graph).props).toMatchObject({ networkInterfaceId: "eni-nat" });
    expect(out.skipped).toContainEqual(
      expect.stringMatching(
        /Elastic IP eipalloc-1's item \(captured 2026-10-01T00:00:00.000Z\) records no association; the newer NAT gateway nat-1 \(captured 2026-11-01T00:00:00.000Z\) associates it with network interface eni-nat: the newer is used/,
      ),
    );
    expect(out.notes).toEqual([
      {
        resource: arn("elastic-ip", "eipalloc-1"),
        note: expect.stringMatching(/^stale AWS Config item \(captured 2026-10-01T00:00:00.000Z\)/),
      },
    ]);
    const { findings } = runChecks(RULES, graph);
    expect(findings.filter((f) => f.ruleId === "eip-unused")).toEqual([]);
  });

  it("keeps an Elastic IP's own newer item, and the finding on it says the items disagree", () => {
    const { graph } = snapshotOf([vpc, subnet("subnet-pub", "10.0.0.0/24"), eip(NEW), nat(OLD)]);
    expect(eipOf(graph).props.networkInterfaceId).toBeNull();
    const finding = runChecks(RULES, graph).findings.find((f) => f.ruleId === "eip-unused");
    expect(finding?.evidence).toContainEqual(
      expect.stringMatching(/^data note: AWS Config items disagree: NAT gateway nat-1 .* uses this address/),
    );
  });

  it("reads an EIPAssociation item: the address is associated with the instance", () => {
    const { graph, out } = snapshotOf([
      eip(OLD),
      item({
        resourceType: "AWS::EC2::EIPAssociation",
        resourceId: "eipassoc-1",
        capturedAt: NEW,
        configuration: { AllocationId: "eipalloc-1", InstanceId: "i-1", Id: "eipassoc-1" },
      }),
    ]);
    expect(eipOf(graph).props).toMatchObject({ associationId: "eipassoc-1", instanceId: "i-1" });
    expect(out.resources.map((r) => r.type)).toEqual(["AWS::EC2::EIP"]);
  });

  it("makes a subnet associated with an unrecorded network ACL unknown, not the default ACL's allow-all", () => {
    const instance = item({
      resourceType: "AWS::EC2::Instance",
      resourceId: "i-1",
      configuration: {
        instanceId: "i-1",
        subnetId: "subnet-a",
        vpcId: "vpc-1",
        state: { name: "running" },
        publicIpAddress: "203.0.113.5",
        securityGroups: [{ groupId: "sg-open" }],
      },
    });
    const sg = item({
      resourceType: "AWS::EC2::SecurityGroup",
      resourceId: "sg-open",
      configuration: {
        groupId: "sg-open",
        groupName: "open",
        description: "open",
        vpcId: "vpc-1",
        ipPermissions: [
          { ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }] },
        ],
        ipPermissionsEgress: [],
      },
    });
    const base = [vpc, subnet("subnet-a", "10.0.1.0/24"), mainTable, defaultAcl(["subnet-a"]), instance, sg];
    const assoc = item({
      resourceType: "AWS::EC2::SubnetNetworkAclAssociation",
      resourceId: "aclassoc-1",
      capturedAt: NEW,
      configuration: { SubnetId: "subnet-a", NetworkAclId: "acl-unrecorded" },
    });
    // Without the association item the stale default ACL applies: allowed from the world.
    const before = snapshotOf(base).graph;
    const world = (g: Graph) =>
      computeFacts(g).reach.exposure(g.ofType("AWS::EC2::Instance")[0] as ResourceOf<"AWS::EC2::Instance">);
    expect(exposureUnknowns(world(before))).toEqual([]);
    const { graph, out } = snapshotOf([...base, assoc]);
    const acl = graph.ofType("AWS::EC2::NetworkAcl")[0] as ResourceOf<"AWS::EC2::NetworkAcl">;
    expect(acl.props.subnetIds).toEqual([]);
    expect(exposureUnknowns(world(graph))).toContainEqual(
      expect.stringMatching(/no network ACL of subnet subnet-a is recorded/),
    );
    expect(out.skipped).toContainEqual(
      expect.stringMatching(
        /associates subnet subnet-a with network ACL acl-unrecorded, which is not in the data/,
      ),
    );
    expect(out.notes).toContainEqual({
      resource: arn("network-acl", "acl-default"),
      note: expect.stringMatching(/^stale AWS Config item .* lists subnet subnet-a/),
    });
  });

  it("makes a subnet associated with an unrecorded route table unknown, not public through the main table", () => {
    const base = [vpc, subnet("subnet-a", "10.0.1.0/24"), mainTable];
    const cls = (g: Graph) => computeFacts(g).subnets.get(arn("subnet", "subnet-a"));
    expect(cls(snapshotOf(base).graph)?.class).toBe("public");
    const { graph } = snapshotOf([
      ...base,
      item({
        resourceType: "AWS::EC2::SubnetRouteTableAssociation",
        resourceId: "rtbassoc-1",
        capturedAt: NEW,
        configuration: { Id: "rtbassoc-1", SubnetId: "subnet-a", RouteTableId: "rtb-private" },
      }),
    ]);
    expect(cls(graph)).toMatchObject({
      class: "unknown",
      unknownReason: "the subnet is associated with route table rtb-private, which is not recorded",
    });
  });

  it("adds a SubnetRouteTableAssociation to a recorded table, unless the table's own item is newer", () => {
    const privateTable = (capturedAt: string, subnets: string[]) =>
      item({
        resourceType: "AWS::EC2::RouteTable",
        resourceId: "rtb-private",
        capturedAt,
        configuration: {
          routeTableId: "rtb-private",
          vpcId: "vpc-1",
          associations: subnets.map((s) => ({ subnetId: s, routeTableId: "rtb-private", main: false })),
          routes: [{ destinationCidrBlock: "10.0.0.0/16", gatewayId: "local", state: "active" }],
        },
      });
    const assoc = (capturedAt: string) =>
      item({
        resourceType: "AWS::EC2::SubnetRouteTableAssociation",
        resourceId: "rtbassoc-1",
        capturedAt,
        configuration: { Id: "rtbassoc-1", SubnetId: "subnet-a", RouteTableId: "rtb-main" },
      });
    const cls = (g: Graph) => computeFacts(g).subnets.get(arn("subnet", "subnet-a"));
    // The association is newer: the subnet moved to the main table (public).
    const moved = snapshotOf([
      vpc,
      subnet("subnet-a", "10.0.1.0/24"),
      mainTable,
      privateTable(OLD, ["subnet-a"]),
      assoc(NEW),
    ]);
    expect(cls(moved.graph)?.class).toBe("public");
    expect(moved.out.skipped).toContainEqual(
      expect.stringMatching(/route table rtb-private's item .* the newer is used/),
    );
    // The table's item is newer: the association is stale.
    const stale = snapshotOf([
      vpc,
      subnet("subnet-a", "10.0.1.0/24"),
      mainTable,
      privateTable(NEW, ["subnet-a"]),
      assoc(OLD),
    ]);
    expect(cls(stale.graph)?.class).toBe("isolated");
    expect(stale.out.skipped).toContainEqual(expect.stringMatching(/the association is stale and not used/));
  });

  it("reads a VPCGatewayAttachment item: the internet gateway is attached", () => {
    const { graph } = snapshotOf([
      vpc,
      item({
        resourceType: "AWS::EC2::InternetGateway",
        resourceId: "igw-1",
        capturedAt: OLD,
        configuration: { internetGatewayId: "igw-1", attachments: [] },
      }),
      item({
        resourceType: "AWS::EC2::VPCGatewayAttachment",
        resourceId: "igw-1|vpc-1",
        capturedAt: NEW,
        configuration: { VpcId: "vpc-1", InternetGatewayId: "igw-1" },
      }),
    ]);
    const igw = graph.ofType("AWS::EC2::InternetGateway")[0] as ResourceOf<"AWS::EC2::InternetGateway">;
    expect(igw.props.vpcIds).toEqual(["vpc-1"]);
    expect(graph.snapshot.edges).toContainEqual({ from: igw.id, to: arn("vpc", "vpc-1"), kind: "attached" });
  });

  it("says a resource related to a deleted one is half torn down, in the findings on it", () => {
    const sg = item({
      resourceType: "AWS::EC2::SecurityGroup",
      resourceId: "sg-open",
      configuration: {
        groupId: "sg-open",
        groupName: "bastion",
        description: "bastion",
        vpcId: "vpc-1",
        ipPermissions: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: ["0.0.0.0/0"] }],
        ipPermissionsEgress: [],
      },
      relationships: [
        { resourceType: "AWS::EC2::Instance", resourceId: "i-gone", name: "Is associated with Instance" },
      ],
    });
    const { graph, out } = snapshotOf([
      vpc,
      sg,
      item({
        resourceType: "AWS::EC2::Instance",
        resourceId: "i-gone",
        status: "ResourceDeleted",
        capturedAt: NEW,
      }),
    ]);
    expect(out.skipped).toContainEqual(
      "AWS::EC2::Instance i-gone in 123456789012/eu-west-1: deleted (ResourceDeleted at 2026-11-01T00:00:00.000Z): left out",
    );
    const finding = runChecks(RULES, graph).findings.find((f) => f.ruleId === "admin-port-open-to-world");
    expect(finding?.evidence).toContainEqual(
      expect.stringMatching(
        /^data note: half torn down or stale: .* relates it to AWS::EC2::Instance i-gone .* which AWS Config records as deleted at 2026-11-01/,
      ),
    );
  });

  it("notes a resource related to one whose own item says it is being torn down", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::EC2::Instance",
        resourceId: "i-dying",
        configuration: { instanceId: "i-dying", state: { name: "terminated" } },
      }),
      item({
        resourceType: "AWS::EC2::SecurityGroup",
        resourceId: "sg-1",
        configuration: { groupId: "sg-1", groupName: "web", description: "web", vpcId: "vpc-1" },
        relationships: [
          { resourceType: "AWS::EC2::Instance", resourceId: "i-dying", name: "Is associated with Instance" },
        ],
      }),
    ]);
    expect(out.skipped).toContainEqual(
      "AWS::EC2::Instance i-dying in 123456789012/eu-west-1: torn down (state terminated at 2026-11-01T08:55:00.000Z): left out",
    );
    expect(out.notes).toEqual([
      {
        resource: arn("security-group", "sg-1"),
        note: "half torn down or stale: its AWS Config item at 2026-11-01T08:55:00.000Z relates it to AWS::EC2::Instance i-dying (Is associated with Instance), whose own item at 2026-11-01T08:55:00.000Z has state terminated",
      },
    ]);
  });

  it("lists a dangling reference to a resource of a type it read", () => {
    const out = normalizeConfigItems([
      vpc,
      subnet("subnet-a", "10.0.1.0/24"),
      item({
        resourceType: "AWS::EC2::Subnet",
        resourceId: "subnet-b",
        configuration: { subnetId: "subnet-b", vpcId: "vpc-2", cidrBlock: "10.1.0.0/24" },
        relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: "vpc-2", name: "Is contained in Vpc" }],
      }),
    ]);
    expect(out.skipped).toEqual([
      "dangling reference in 123456789012/eu-west-1: AWS::EC2::Subnet subnet-b → AWS::EC2::VPC vpc-2 (Is contained in Vpc), which is in no AWS Config item read",
    ]);
  });

  it("reads the newest of several items of one resource, and says so", () => {
    const older = item({
      resourceId: "vpc-1",
      capturedAt: OLD,
      configuration: { vpcId: "vpc-1", cidrBlock: "10.9.0.0/16" },
    });
    const out = normalizeConfigItems([{ ...vpc, capturedAt: NEW }, older]);
    expect(out.resources.map((r) => (r.props as { cidrBlock?: string }).cidrBlock)).toEqual(["10.0.0.0/16"]);
    expect(out.skipped).toEqual([
      "1 resource(s) had several differing AWS Config items (a history file, or several files): the newest capture of each is used",
    ]);
  });

  it("makes a type the recorder stopped recording unknown there: the rules say unverified, not 'none'", () => {
    const { snapshot, graph } = snapshotOf([
      vpc,
      item({ resourceType: "AWS::EC2::FlowLog", resourceId: "fl-1", status: "ResourceNotRecorded" }),
    ]);
    expect(snapshot.coverage.find((c) => c.service === "ec2")).toMatchObject({
      status: "partial",
      notRecorded: ["AWS::EC2::FlowLog"],
    });
    const checks = runChecks(RULES, graph);
    expect(checks.findings.filter((f) => f.ruleId === "vpc-flow-logs-disabled")).toEqual([]);
    expect(checks.unverified.map((u) => u.ruleId)).toContain("vpc-flow-logs-disabled");
  });

  it("leaves a security group's inbound rules unknown when its ranges are of no known shape", () => {
    const out = normalizeConfigItems([
      item({
        resourceType: "AWS::EC2::SecurityGroup",
        resourceId: "sg-odd",
        configuration: {
          groupId: "sg-odd",
          groupName: "odd",
          description: "odd",
          vpcId: "vpc-1",
          ipPermissions: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: [42] }],
          ipPermissionsEgress: [],
        },
      }),
    ]);
    expect(out.resources[0]?.props).not.toHaveProperty("ingress", expect.anything());
    expect(out.resources[0]?.props).toMatchObject({ egress: [] });
    expect(out.skipped).toEqual([
      "AWS::EC2::SecurityGroup sg-odd: configuration.ipPermissions[0].ipv4Ranges[0]: number 42 where an object is expected; its inbound rules are left unknown",
    ]);
  });
});
