import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { scan } from "../../src/collector/scan.ts";
import { serializeSnapshot } from "../../src/model/io.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { accessKeyFor, startEndpoint } from "../aws-endpoint/server.ts";
import type { Fault, ServiceHandler } from "../aws-endpoint/types.ts";

/**
 * Serves `fixture` from the loopback endpoint, scans it back with the real collector, and returns both
 * sides restricted to `types` (what the scanned services can see), canonical and comparable.
 */
export async function roundTrip(
  fixture: Snapshot,
  opts: {
    handlers: ServiceHandler[];
    services: string[];
    types: Set<string>;
    faults?: Fault[];
    maxPageSize?: number;
  },
) {
  const endpoint = await startEndpoint({
    snapshot: fixture,
    services: opts.handlers,
    faults: opts.faults ?? [],
    maxPageSize: opts.maxPageSize ?? 2,
  });
  try {
    const regions = [...new Set(fixture.resources.map((r) => r.region).filter((r) => r !== "global"))];
    const result = await scan({
      targets: fixture.scope.accounts.map((account) => ({
        account,
        regions,
        credentials: { accessKeyId: accessKeyFor(account), secretAccessKey: "loopback" },
      })),
      services: opts.services,
      endpoint: endpoint.url,
      retryStrategy: new ConfiguredRetryStrategy(4, () => 0),
    });
    return {
      expected: view(fixture, opts.types),
      actual: view(result.snapshot, opts.types),
      result,
      calls: endpoint.totalCalls(),
      endpoint,
    };
  } finally {
    await endpoint.close();
  }
}

function view(s: Snapshot, types: Set<string>) {
  const j = JSON.parse(serializeSnapshot(s)) as Snapshot;
  const resources = j.resources.filter((r) => types.has(r.type));
  const ids = new Set(resources.map((r) => r.id));
  return { resources, edges: j.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}

/** The resource types each service module reads, by type prefix (the Tagging API reads every other type). */
export const MODULE_TYPE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  ec2: ["AWS::EC2::"],
  elbv2: ["AWS::ElasticLoadBalancingV2::"],
  elb: ["AWS::ElasticLoadBalancing::"],
  rds: ["AWS::RDS::"],
  elasticache: ["AWS::ElastiCache::"],
  autoscaling: ["AWS::AutoScaling::"],
  ecs: ["AWS::ECS::"],
  lambda: ["AWS::Lambda::"],
  efs: ["AWS::EFS::"],
  redshift: ["AWS::Redshift::"],
  eks: ["AWS::EKS::"],
  opensearch: ["AWS::OpenSearch::"],
  apigateway: ["AWS::ApiGateway::"],
  apigatewayv2: ["AWS::ApiGatewayV2::"],
  wafv2: ["AWS::WAFv2::"],
  acm: ["AWS::CertificateManager::"],
  s3: ["AWS::S3::Bucket"],
  s3control: ["AWS::S3::AccountPublicAccessBlock"],
  cloudfront: ["AWS::CloudFront::"],
  route53: ["AWS::Route53::"],
};

export const EC2_TYPES = [
  "AWS::EC2::VPC",
  "AWS::EC2::Subnet",
  "AWS::EC2::RouteTable",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::NatGateway",
  "AWS::EC2::EIP",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::NetworkAcl",
  "AWS::EC2::NetworkInterface",
  "AWS::EC2::Instance",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::VPCEndpoint",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::EC2::FlowLog",
  "AWS::EC2::Volume",
];
