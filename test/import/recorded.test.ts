import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../../src/collector/import/index.ts";
import { serializeSnapshot, validateSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { tempDir } from "../tmp.ts";
import { quotePlus } from "./make-dumps.ts";

// Real AWS responses nobody here wrote: Cloud Custodian's placebo recordings (tests/data/placebo/, Apache-2.0),
// minimized (at most 4 items a list) with account ids replaced, one folder per service module
// (src/collector/<service>/testdata/recorded/<dump file>.<n>.json, `_source` naming the recording). Each is
// imported as the AWS CLI dump file it is (the CLI prints the response as recorded): the snapshot loads, and
// every live item of the list becomes a resource of the module's type, or is left out with a note.

const ROOT = join(import.meta.dirname, "../../src/collector");
const ACCOUNT = "123456789012";
const tmp = tempDir("asbuilt-recorded-");

interface Expect {
  list: string | ((data: Record<string, unknown>) => Record<string, unknown>[]);
  id: string;
  type: string;
  /** Items in a terminal state, which AWS still lists and a scan leaves out. */
  gone?: (item: Record<string, unknown>) => boolean;
}
const state = (path: string[], values: string[]) => (i: Record<string, unknown>) => {
  let v: unknown = i;
  for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
  return typeof v === "string" && values.includes(v);
};
const EXPECT: Record<string, Expect> = {
  "ec2-describe-vpcs": { list: "Vpcs", id: "VpcId", type: "AWS::EC2::VPC" },
  "ec2-describe-subnets": { list: "Subnets", id: "SubnetId", type: "AWS::EC2::Subnet" },
  "ec2-describe-route-tables": { list: "RouteTables", id: "RouteTableId", type: "AWS::EC2::RouteTable" },
  "ec2-describe-internet-gateways": {
    list: "InternetGateways",
    id: "InternetGatewayId",
    type: "AWS::EC2::InternetGateway",
  },
  "ec2-describe-nat-gateways": {
    list: "NatGateways",
    id: "NatGatewayId",
    type: "AWS::EC2::NatGateway",
    gone: state(["State"], ["deleted", "deleting", "failed"]),
  },
  "ec2-describe-addresses": { list: "Addresses", id: "PublicIp", type: "AWS::EC2::EIP" },
  "ec2-describe-security-groups": { list: "SecurityGroups", id: "GroupId", type: "AWS::EC2::SecurityGroup" },
  "ec2-describe-network-acls": { list: "NetworkAcls", id: "NetworkAclId", type: "AWS::EC2::NetworkAcl" },
  "ec2-describe-network-interfaces": {
    list: "NetworkInterfaces",
    id: "NetworkInterfaceId",
    type: "AWS::EC2::NetworkInterface",
  },
  "ec2-describe-instances": {
    list: (d) =>
      ((d.Reservations ?? []) as { Instances?: Record<string, unknown>[] }[]).flatMap(
        (r) => r.Instances ?? [],
      ),
    id: "InstanceId",
    type: "AWS::EC2::Instance",
    gone: state(["State", "Name"], ["terminated"]),
  },
  "ec2-describe-vpc-peering-connections": {
    list: "VpcPeeringConnections",
    id: "VpcPeeringConnectionId",
    type: "AWS::EC2::VPCPeeringConnection",
    gone: state(["Status", "Code"], ["deleted", "rejected", "failed", "expired"]),
  },
  "ec2-describe-vpc-endpoints": { list: "VpcEndpoints", id: "VpcEndpointId", type: "AWS::EC2::VPCEndpoint" },
  "ec2-describe-transit-gateway-attachments": {
    list: "TransitGatewayAttachments",
    id: "TransitGatewayAttachmentId",
    type: "AWS::EC2::TransitGatewayAttachment",
    gone: state(["State"], ["deleted", "deleting", "failed", "rejected"]),
  },
  "ec2-describe-flow-logs": { list: "FlowLogs", id: "FlowLogId", type: "AWS::EC2::FlowLog" },
  "ec2-describe-volumes": { list: "Volumes", id: "VolumeId", type: "AWS::EC2::Volume" },
  "elbv2-describe-load-balancers": {
    list: "LoadBalancers",
    id: "LoadBalancerArn",
    type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  },
  "elbv2-describe-listeners": {
    list: "Listeners",
    id: "ListenerArn",
    type: "AWS::ElasticLoadBalancingV2::Listener",
  },
  "elbv2-describe-target-groups": {
    list: "TargetGroups",
    id: "TargetGroupArn",
    type: "AWS::ElasticLoadBalancingV2::TargetGroup",
  },
  "rds-describe-db-instances": {
    list: "DBInstances",
    id: "DBInstanceIdentifier",
    type: "AWS::RDS::DBInstance",
  },
  "rds-describe-db-clusters": { list: "DBClusters", id: "DBClusterIdentifier", type: "AWS::RDS::DBCluster" },
  "rds-describe-db-proxies": { list: "DBProxies", id: "DBProxyName", type: "AWS::RDS::DBProxy" },
  "elasticache-describe-cache-clusters": {
    list: "CacheClusters",
    id: "CacheClusterId",
    type: "AWS::ElastiCache::CacheCluster",
  },
  "elasticache-describe-replication-groups": {
    list: "ReplicationGroups",
    id: "ReplicationGroupId",
    type: "AWS::ElastiCache::ReplicationGroup",
  },
  "autoscaling-describe-auto-scaling-groups": {
    list: "AutoScalingGroups",
    id: "AutoScalingGroupName",
    type: "AWS::AutoScaling::AutoScalingGroup",
  },
  "ecs-describe-clusters": { list: "clusters", id: "clusterArn", type: "AWS::ECS::Cluster" },
  "ecs-describe-services": { list: "services", id: "serviceArn", type: "AWS::ECS::Service" },
  "ecs-describe-tasks": {
    list: "tasks",
    id: "taskArn",
    type: "AWS::ECS::Task",
    gone: state(["lastStatus"], ["STOPPED", "DELETED"]),
  },
  "lambda-list-functions": { list: "Functions", id: "FunctionArn", type: "AWS::Lambda::Function" },
  "wafv2-list-web-acls": { list: "WebACLs", id: "ARN", type: "AWS::WAFv2::WebACL" },
  "acm-list-certificates": {
    list: "CertificateSummaryList",
    id: "CertificateArn",
    type: "AWS::CertificateManager::Certificate",
  },
  "s3-list-buckets": { list: "Buckets", id: "Name", type: "AWS::S3::Bucket" },
  "cloudfront-list-distributions": {
    list: (d) => (d.DistributionList as { Items?: Record<string, unknown>[] } | undefined)?.Items ?? [],
    id: "ARN",
    type: "AWS::CloudFront::Distribution",
  },
  "route53-list-hosted-zones": { list: "HostedZones", id: "Id", type: "AWS::Route53::HostedZone" },
};

const recorded = readdirSync(ROOT).flatMap((service) => {
  const dir = join(ROOT, service, "testdata", "recorded");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((f) => ({ service, file: join(dir, f), operation: f.replace(/\.\d+\.json$/, "") }));
});

/** As typed: "ec2-describe-vpcs" → "ec2 describe-vpcs" ("s3-…" is `aws s3api …`). */
const cli = (op: string) => op.replace(/^s3-/, "s3api-").replace("-", " ");

/** What a per-resource response adds to the resource its list names. */
function perResource(operation: string, data: Record<string, unknown>, s: Snapshot): void {
  const one = (type: string) => {
    const found = s.resources.filter((x) => x.type === type);
    expect(found, type).toHaveLength(1);
    return found[0]?.props as Record<string, unknown>;
  };
  if (operation === "elbv2-describe-target-health")
    expect(one("AWS::ElasticLoadBalancingV2::TargetGroup").targets).toHaveLength(
      (data.TargetHealthDescriptions as unknown[]).length,
    );
  if (operation === "acm-describe-certificate")
    expect(one("AWS::CertificateManager::Certificate").domainName).toBe(
      (data.Certificate as { DomainName: string }).DomainName,
    );
  if (operation === "wafv2-get-web-acl") one("AWS::WAFv2::WebACL");
  if (operation === "route53-list-resource-record-sets") {
    const kept = (data.ResourceRecordSets as { Type: string }[]).filter(
      (x) => !["SOA", "NS"].includes(x.Type),
    );
    expect(s.resources.filter((x) => x.type === "AWS::Route53::RecordSet")).toHaveLength(kept.length);
  }
  if (operation.startsWith("s3-get-")) {
    // One of the bucket's six per-bucket answers: the bucket is left out until all are there, and S3 says so.
    // An answer S3 gives for "none" counts as answered; any other error (AccessDenied) is a gap, named.
    const c = s.coverage.find((x) => x.service === "s3");
    expect(c?.status).toBe("partial");
    const code = (data.Error as { Code?: string } | undefined)?.Code;
    if (code === "AccessDenied") expect(c?.error).toContain(operation);
    else expect(c?.error).not.toContain(operation);
  }
}

/** The region a recording is of: the one its ARNs and zones name most, else us-east-1. */
function regionOf(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\b([a-z]{2}-(?:gov-)?[a-z]+-\d)[a-z]?\b/g))
    if (m[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "us-east-1";
}

describe("real recorded AWS responses, imported as AWS CLI dump files", () => {
  it("has recordings for every service module's dump reader", () => {
    const services = new Set(recorded.map((r) => r.service));
    for (const s of [
      "ec2",
      "elbv2",
      "rds",
      "elasticache",
      "autoscaling",
      "ecs",
      "lambda",
      "wafv2",
      "acm",
      "s3",
    ])
      expect(services).toContain(s);
    for (const s of ["cloudfront", "route53", "tagging"]) expect(services).toContain(s);
  });

  it.each(recorded.map((r) => [`${r.service}/${basename(r.file)}`, r] as const))("%s", async (_, r) => {
    const text = readFileSync(r.file, "utf8");
    const { _source, _case, _param, _parent, ...data } = JSON.parse(text) as Record<string, unknown>;
    expect(_source).toMatch(/^cloud-custodian\/cloud-custodian tests\/data\/placebo\//);
    const global = ["s3", "cloudfront", "route53"].includes(r.service);
    const region = global ? "us-east-1" : regionOf(text);
    const root = join(tmp, r.service, basename(r.file, ".json"));
    const at = (name: string) => join(root, ACCOUNT, region, name);
    // A per-resource response goes in its operation's folder, named after its parameter (CloudMapper's
    // quote_plus, no .json), beside the list that names the resource (`_parent`).
    const file =
      typeof _param === "string" ? at(join(r.operation, quotePlus(_param))) : at(`${r.operation}.json`);
    for (const [name, body] of Object.entries((_parent ?? {}) as Record<string, Record<string, unknown>>)) {
      const { _source: _, ...parent } = body;
      await mkdir(dirname(at(name)), { recursive: true });
      await writeFile(at(name), JSON.stringify(parent, null, 4));
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(data, null, 4));
    const result = await importPaths([root]);
    const read = result.read.find((f) => f.file === file);
    const code = (data.Error as { Code?: string } | undefined)?.Code;
    // An error response (botocore's, as a Python collector records it) is read as S3's "none" or as a gap.
    expect(read?.kind).toBe(`AWS CLI output (${cli(r.operation)}${code ? `: ${code}` : ""})`);
    expect(validateSnapshot(JSON.parse(serializeSnapshot(result.snapshot))).ok).toBe(true);
    if (typeof _param === "string") return perResource(r.operation, data, result.snapshot);
    const e = EXPECT[r.operation];
    if (!e) return; // tags only (elbv2-describe-tags, route53/tagging tag lists): nothing of their own
    const items =
      typeof e.list === "string" ? ((data[e.list] ?? []) as Record<string, unknown>[]) : e.list(data);
    const live = new Set(
      items.filter((i) => typeof i[e.id] === "string" && !e.gone?.(i)).map((i) => i[e.id]),
    );
    const got = result.snapshot.resources.filter((x) => x.type === e.type);
    // Left out, and said so: a note (data the model cannot hold), or the coverage's count of items without
    // the fields the model needs (EC2-Classic groups and addresses, trimmed recordings).
    const noted = result.notes.filter((n) => n.startsWith(`${e.type} `)).length;
    const counted = result.snapshot.coverage
      .flatMap((c) => [
        ...(c.error ?? "").matchAll(new RegExp(`(\\d+) item\\(s\\) of ${r.operation}\\.json without`, "g")),
      ])
      .reduce((n, m) => n + Number(m[1]), 0);
    expect(got.length + noted + counted, `${e.type} from ${live.size} live item(s)`).toBe(live.size);
  });
});
