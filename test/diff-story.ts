import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Resource, ResourceOf, Snapshot } from "../src/model/snapshot.ts";
import { ROOT } from "./run-cli.ts";

// The coursedog seed account a week after its fixture was scanned (fixtures/coursedog): what a diff of the
// two must show. In that week someone
//   - retired the staging hotfix server (coursedog-staging-app-hotfix, with its ENI and root volume);
//   - added an exports bucket, and tagged the artifacts bucket with a team whose name is markup (`<b>ops|data</b>`);
//   - opened production Redis to the world (tcp/6379 from 0.0.0.0/0) while debugging;
//   - peered the staging VPC with production (a new peering connection, and a route to it from production-private-a);
//   - moved the dev data-sync box's Environment tag from dev to staging;
//   - launched a debug box in staging-public-a with a public IP and a new security group open to SSH from anywhere.

export const COURSEDOG = join(ROOT, "fixtures", "coursedog", "snapshot.json");
export const COURSEDOG_SPEC = join(ROOT, "fixtures", "coursedog", "architecture.yaml");

const byName = (s: Snapshot, type: string, name: string): Resource => {
  const r = s.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`coursedog has no ${type} ${name}`);
  return r;
};

export function coursedogAWeekLater(): Snapshot {
  const s = JSON.parse(readFileSync(COURSEDOG, "utf8")) as Snapshot;
  s.scannedAt = "2026-11-08T09:00:00Z";

  const hotfix = byName(
    s,
    "AWS::EC2::Instance",
    "coursedog-staging-app-hotfix",
  ) as ResourceOf<"AWS::EC2::Instance">;
  const gone = new Set([hotfix.id]);
  for (const r of s.resources) {
    if (
      r.type === "AWS::EC2::NetworkInterface" &&
      hotfix.props.networkInterfaceIds.some((e) => r.id.endsWith(e))
    )
      gone.add(r.id);
    if (r.type === "AWS::EC2::Volume" && s.edges.some((e) => e.from === r.id && e.to === hotfix.id))
      gone.add(r.id);
  }
  s.resources = s.resources.filter((r) => !gone.has(r.id));
  s.edges = s.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
  for (const r of s.resources)
    if (r.type === "AWS::ElasticLoadBalancingV2::TargetGroup") {
      const tg = r as ResourceOf<"AWS::ElasticLoadBalancingV2::TargetGroup">;
      if (tg.props.targets)
        tg.props.targets = tg.props.targets.filter((t) => t.id !== hotfix.props.instanceId);
    } else if (r.type === "AWS::AutoScaling::AutoScalingGroup") {
      const asg = r as ResourceOf<"AWS::AutoScaling::AutoScalingGroup">;
      asg.props.instanceIds = asg.props.instanceIds.filter((i) => i !== hotfix.props.instanceId);
    }

  const artifacts = byName(s, "AWS::S3::Bucket", "coursedog-artifacts");
  artifacts.tags = { ...artifacts.tags, Team: "<b>ops|data</b>" };
  s.resources.push({
    ...structuredClone(artifacts),
    id: "arn:aws:s3:::coursedog-exports",
    name: "coursedog-exports",
    tags: { ...artifacts.tags },
    props: { ...(artifacts.props as object), bucketName: "coursedog-exports" },
  } as Resource);

  const redis = byName(
    s,
    "AWS::EC2::SecurityGroup",
    "production-redis",
  ) as ResourceOf<"AWS::EC2::SecurityGroup">;
  redis.props.ingress?.push({
    protocol: "tcp",
    fromPort: 6379,
    toPort: 6379,
    ipv4Ranges: ["0.0.0.0/0"],
    ipv6Ranges: [],
    groupRefs: [],
    prefixListIds: [],
    description: "debugging, remove me",
  });

  const staging = byName(s, "AWS::EC2::VPC", "coursedog-staging") as ResourceOf<"AWS::EC2::VPC">;
  const production = byName(s, "AWS::EC2::VPC", "coursedog-production") as ResourceOf<"AWS::EC2::VPC">;
  const pcxId = "pcx-0f1e2d3c4b5a69788";
  const pcx = {
    id: `arn:aws:ec2:us-east-2:${staging.account}:vpc-peering-connection/${pcxId}`,
    type: "AWS::EC2::VPCPeeringConnection",
    account: staging.account,
    region: staging.region,
    name: "staging-to-production",
    tags: { Name: "staging-to-production" },
    props: {
      vpcPeeringConnectionId: pcxId,
      status: "active",
      requester: {
        vpcId: staging.props.vpcId,
        account: staging.account,
        region: staging.region,
        cidrBlock: staging.props.cidrBlock,
      },
      accepter: {
        vpcId: production.props.vpcId,
        account: production.account,
        region: production.region,
        cidrBlock: production.props.cidrBlock,
      },
    },
  } as Resource;
  s.resources.push(pcx);
  s.edges.push(
    { from: pcx.id, to: staging.id, kind: "attached" },
    { from: pcx.id, to: production.id, kind: "attached" },
  );
  const rt = byName(s, "AWS::EC2::RouteTable", "production-private-a") as ResourceOf<"AWS::EC2::RouteTable">;
  rt.props.routes.push({
    destinationCidr: staging.props.cidrBlock ?? "10.20.0.0/16",
    destinationIpv6Cidr: null,
    destinationPrefixListId: null,
    targetKind: "vpc-peering",
    targetId: pcxId,
    state: "active",
  });
  s.edges.push({ from: rt.id, to: pcx.id, kind: "routes" });

  // The debug box: an instance, its ENI (with the public address) and its security group, as a scan records them.
  const app = byName(s, "AWS::EC2::Instance", "coursedog-staging-app-1") as ResourceOf<"AWS::EC2::Instance">;
  const appSg = byName(s, "AWS::EC2::SecurityGroup", "staging-app") as ResourceOf<"AWS::EC2::SecurityGroup">;
  const pub = byName(s, "AWS::EC2::Subnet", "staging-public-a") as ResourceOf<"AWS::EC2::Subnet">;
  const arn = (kind: string, id: string) => `arn:aws:ec2:${app.region}:${app.account}:${kind}/${id}`;
  const [sgId, iId, eniId] = ["sg-0d3b06b0c5e1a2f47", "i-0d3b06b0c5e1a2f47", "eni-0d3b06b0c5e1a2f47"];
  const sshSg: ResourceOf<"AWS::EC2::SecurityGroup"> = {
    ...structuredClone(appSg),
    id: arn("security-group", sgId),
    name: "debug-ssh",
    tags: { ...appSg.tags, Name: "debug-ssh" },
    props: {
      ...structuredClone(appSg.props),
      groupId: sgId,
      groupName: "debug-ssh",
      description: "temporary debugging",
      ingress: [
        {
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          ipv4Ranges: ["0.0.0.0/0"],
          ipv6Ranges: [],
          groupRefs: [],
          prefixListIds: [],
          description: null,
        },
      ],
    },
  };
  const box: ResourceOf<"AWS::EC2::Instance"> = {
    ...structuredClone(app),
    id: arn("instance", iId),
    name: "debug-box",
    tags: { ...app.tags, Name: "debug-box", Role: "debug" },
    parent: pub.id,
    props: {
      ...structuredClone(app.props),
      instanceId: iId,
      subnetId: pub.props.subnetId,
      privateIp: "10.20.0.77",
      publicIp: "3.140.22.9",
      securityGroupIds: [sgId],
      networkInterfaceIds: [eniId],
      iamInstanceProfileArn: null,
    },
  };
  const eni = {
    id: arn("network-interface", eniId),
    type: "AWS::EC2::NetworkInterface",
    account: app.account,
    region: app.region,
    tags: {},
    parent: pub.id,
    props: {
      networkInterfaceId: eniId,
      vpcId: pub.props.vpcId,
      subnetId: pub.props.subnetId,
      availabilityZone: pub.props.availabilityZone,
      interfaceType: "interface",
      description: "",
      privateIpAddresses: ["10.20.0.77"],
      publicIp: "3.140.22.9",
      securityGroupIds: [sgId],
      attachedTo: box.id,
      requesterManaged: false,
    },
  } as Resource;
  s.resources.push(sshSg, box, eni);
  s.edges.push(
    { from: box.id, to: sshSg.id, kind: "uses" },
    { from: eni.id, to: box.id, kind: "attached" },
    { from: eni.id, to: sshSg.id, kind: "uses" },
  );

  const sync = byName(s, "AWS::EC2::Instance", "dev-data-sync");
  sync.tags = { ...sync.tags, Environment: "staging" };
  // A rescan lists things in another order: no change.
  s.resources.reverse();
  s.edges.reverse();
  return s;
}
