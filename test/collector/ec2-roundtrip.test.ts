import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { afterEach, describe, expect, it } from "vitest";
import { allTraffic, SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { scan } from "../../src/collector/scan.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, type Endpoint, startEndpoint } from "../aws-endpoint/server.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";

const ACCOUNT = "123456789012";
const REGION = "us-east-2";

/** Two VPCs, peered; public and private subnets; NAT; an instance with an EIP; a custom ACL; an SG referencing another. */
function ec2Account(): Snapshot {
  const b = new SnapshotBuilder("test:ec2");
  const a = b.in(ACCOUNT, REGION);
  const v = a.vpc("shop", {
    cidr: "10.0.0.0/16",
    tags: { Environment: "production", Description: "Ops & Infra 'core' <b>" },
  });
  const other = a.vpc("tools", { cidr: "10.9.0.0/16" });
  const igw = a.internetGateway(v, "shop-igw");
  const pub = a.subnet(v, "shop-public-a", {
    cidr: "10.0.0.0/24",
    az: "us-east-2a",
    mapPublicIpOnLaunch: true,
  });
  const priv = a.subnet(v, "shop-app-a", { cidr: "10.0.10.0/24", az: "us-east-2a" });
  a.routeTable(v, "shop-public", {
    subnets: [pub],
    routes: [
      { destination: "0.0.0.0/0", via: igw },
      { destination: "::/0", via: igw },
    ],
  });
  const nat = a.natGateway(pub, "shop-nat-a");
  const pcx = a.peering(v, other, "shop-to-tools");
  a.routeTable(v, "shop-app", {
    subnets: [priv],
    routes: [
      { destination: "0.0.0.0/0", via: nat },
      { destination: "10.9.0.0/16", via: pcx },
      { destination: "192.168.0.0/16", via: "tgw-0123456789abcdef0" },
    ],
  });
  const web = a.securityGroup(v, "web", {
    ingress: [tcp(443, ["0.0.0.0/0", "::/0"], "https from anywhere")],
  });
  const app = a.securityGroup(v, "app", { ingress: [tcp(8080, web)], egress: [allTraffic("0.0.0.0/0")] });
  // A customer-managed prefix list the group names, read back with its entries (GetManagedPrefixListEntries).
  const office = a.prefixList("office", ["198.51.100.0/24", "203.0.113.0/24"]);
  a.allowIngress(app, tcp([9000, 9100], office.props.prefixListId));
  a.instance(pub, "bastion", { securityGroups: [web], eip: true, imdsV2: false, instanceProfile: "bastion" });
  a.instance(priv, "app-1", { securityGroups: [app] });
  a.networkAcl(v, "shop-app-acl", {
    subnets: [priv],
    entries: [
      {
        ruleNumber: 90,
        egress: false,
        protocol: "6",
        ruleAction: "deny",
        cidrBlock: "10.0.0.0/24",
        ipv6CidrBlock: null,
        fromPort: 22,
        toPort: 22,
      },
      {
        ruleNumber: 95,
        egress: false,
        protocol: "1",
        ruleAction: "deny",
        cidrBlock: "0.0.0.0/0",
        ipv6CidrBlock: null,
        fromPort: 8,
        toPort: -1,
      },
      {
        ruleNumber: 100,
        egress: false,
        protocol: "-1",
        ruleAction: "allow",
        cidrBlock: "0.0.0.0/0",
        ipv6CidrBlock: null,
        fromPort: null,
        toPort: null,
      },
      {
        ruleNumber: 100,
        egress: true,
        protocol: "-1",
        ruleAction: "allow",
        cidrBlock: "0.0.0.0/0",
        ipv6CidrBlock: null,
        fromPort: null,
        toPort: null,
      },
    ],
  });
  return b.build();
}

/** Resources and edges only: when and how a snapshot was made differs by design. */
function body(s: Snapshot) {
  const j = JSON.parse(serializeSnapshot(s));
  return { resources: j.resources, edges: j.edges };
}

let endpoint: Endpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

describe("EC2 collector against the loopback endpoint", () => {
  it("scans back exactly what the endpoint serves, across pages", async () => {
    const fixture = ec2Account();
    endpoint = await startEndpoint({ snapshot: fixture, services: [ec2Handler], maxPageSize: 2 });
    const result = await scan({
      targets: [
        {
          account: ACCOUNT,
          regions: [REGION],
          credentials: { accessKeyId: accessKeyFor(ACCOUNT), secretAccessKey: "test" },
        },
      ],
      services: ["ec2"],
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(3, () => 0),
    });
    expect(result.snapshot.coverage).toEqual([
      { account: ACCOUNT, region: REGION, service: "ec2", status: "scanned" },
    ]);
    expect(body(result.snapshot)).toEqual(body(fixture));
    // Page size 2 forces several pages for lists longer than 2.
    expect(endpoint.calls.get("ec2:DescribeSecurityGroups")).toBeGreaterThan(1);
    expect(result.log.attempts).toBe(endpoint.totalCalls());
  });

  it("retries throttling with nothing lost, and reports a denied service as a coverage gap", async () => {
    const fixture = ec2Account();
    endpoint = await startEndpoint({
      snapshot: fixture,
      services: [ec2Handler],
      faults: [{ kind: "throttle", service: "ec2", operation: "DescribeInstances", times: 2 }],
    });
    const target = {
      account: ACCOUNT,
      regions: [REGION],
      credentials: { accessKeyId: accessKeyFor(ACCOUNT), secretAccessKey: "test" },
    };
    const ok = await scan({
      targets: [target],
      services: ["ec2"],
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(4, () => 0),
    });
    expect(body(ok.snapshot)).toEqual(body(fixture));
    expect(endpoint.calls.get("ec2:DescribeInstances")).toBe(3);
    await endpoint.close();

    endpoint = await startEndpoint({
      snapshot: fixture,
      services: [ec2Handler],
      faults: [{ kind: "access-denied", service: "ec2", operation: "DescribeVpcs" }],
    });
    const denied = await scan({
      targets: [target],
      services: ["ec2"],
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(2, () => 0),
    });
    expect(denied.snapshot.resources).toEqual([]);
    expect(denied.snapshot.coverage).toEqual([
      {
        account: ACCOUNT,
        region: REGION,
        service: "ec2",
        status: "denied",
        error: expect.stringMatching(/^UnauthorizedOperation: .*not authorized/),
      },
    ]);
  });
});
