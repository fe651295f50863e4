import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { apigatewayHandler } from "../aws-endpoint/services/apigateway.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { eksHandler } from "../aws-endpoint/services/eks.ts";
import { lambdaHandler } from "../aws-endpoint/services/lambda.ts";
import { opensearchHandler } from "../aws-endpoint/services/opensearch.ts";
import { redshiftHandler } from "../aws-endpoint/services/redshift.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/**
 * An analytics VPC: a Redshift cluster left publicly accessible in public subnets, an EKS cluster whose API
 * server is open to the internet and one private-only, a public OpenSearch domain open to anyone, one
 * restricted by source IP, and one in the VPC.
 */
function account() {
  const b = new SnapshotBuilder("test:entry-points");
  const a = b.in("123456789012", "eu-west-1");
  const tags = { Environment: "production", Application: "analytics" };
  const v = a.vpc("analytics", { cidr: "10.9.0.0/16", tags });
  const igw = a.internetGateway(v, "igw");
  const pubA = a.subnet(v, "pub-a", { cidr: "10.9.0.0/24", az: "eu-west-1a" });
  const pubB = a.subnet(v, "pub-b", { cidr: "10.9.1.0/24", az: "eu-west-1b" });
  const dataA = a.subnet(v, "data-a", { cidr: "10.9.10.0/24", az: "eu-west-1a" });
  a.routeTable(v, "public", { subnets: [pubA, pubB], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const rsSg = a.securityGroup(v, "redshift", { ingress: [tcp(5439, "0.0.0.0/0")] });
  const eksSg = a.securityGroup(v, "eks-cluster");
  const eksExtra = a.securityGroup(v, "eks-extra");
  const searchSg = a.securityGroup(v, "search", { ingress: [tcp(443, "10.9.0.0/16")] });
  a.redshiftCluster(v, "warehouse", {
    subnets: [pubA, pubB],
    securityGroups: [rsSg],
    publiclyAccessible: true,
    encrypted: false,
    tags: { ...tags, Name: "Warehouse" },
  });
  a.redshiftCluster(v, "reports", { subnets: [dataA], securityGroups: [rsSg] });
  a.eksCluster(v, "apps", { subnets: [pubA, pubB], securityGroups: [eksSg, eksExtra], tags });
  a.eksCluster(v, "internal", {
    subnets: [dataA],
    securityGroups: [eksSg],
    publicAccess: false,
    privateAccess: true,
    publicAccessCidrs: [],
  });
  a.openSearchDomain("logs", { policy: "open", nodeToNodeEncryption: false, tags });
  a.openSearchDomain("metrics", { policy: "source-ip" });
  a.openSearchDomain("search", { vpc: { v, subnets: [dataA], securityGroups: [searchSg] } });
  const orders = a.lambda("orders", { url: "AWS_IAM" });
  const hooks = a.lambda("hooks", { url: "NONE" });
  a.restApi("shop", {
    routes: [
      { route: "GET /orders", auth: "COGNITO_USER_POOLS", target: orders },
      { route: "POST /orders", auth: "NONE", target: orders },
      { route: "OPTIONS /orders", auth: "NONE" },
      { route: "GET /health", auth: "NONE", apiKey: true },
    ],
    tags,
  });
  a.restApi("internal", { endpointTypes: ["PRIVATE"], routes: [{ route: "ANY /{proxy+}", target: orders }] });
  a.httpApi("webhooks", {
    routes: [
      { route: "POST /hooks", target: hooks },
      { route: "$default", auth: "JWT" },
    ],
  });
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::Redshift::Cluster",
  "AWS::EKS::Cluster",
  "AWS::OpenSearch::Domain",
  "AWS::Lambda::Function",
  "AWS::ApiGateway::RestApi",
  "AWS::ApiGatewayV2::Api",
]);
const HANDLERS = [
  ec2Handler,
  redshiftHandler,
  eksHandler,
  opensearchHandler,
  lambdaHandler,
  apigatewayHandler,
  taggingHandler,
];
const SERVICES = ["ec2", "redshift", "eks", "opensearch", "lambda", "apigateway", "apigatewayv2", "tagging"];

describe("Redshift, EKS, OpenSearch, Lambda URL and API Gateway collectors against the loopback endpoint", () => {
  it("scan back clusters and domains, their placement, endpoint access and access policies", async () => {
    const { expected, actual, result, endpoint } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual).toEqual(expected);
    // One DescribeCluster per cluster; three domains fit one DescribeDomains call (five names a call).
    expect(endpoint.calls.get("eks:ListClusters")).toBe(1);
    expect(endpoint.calls.get("eks:DescribeCluster")).toBe(2);
    expect(endpoint.calls.get("es:DescribeDomains")).toBe(1);
    expect(endpoint.calls.get("redshift:DescribeClusters")).toBe(1);
    // One GetResources per REST API (methods embedded), one ListFunctionUrlConfigs per function.
    expect(endpoint.calls.get("apigateway:GetResources")).toBe(2);
    expect(endpoint.calls.get("lambda:ListFunctionUrlConfigs")).toBe(2);
    // The APIs' edges to the functions they call.
    expect(
      actual.edges
        .filter((e) => e.kind === "targets")
        .map((e) => `${e.from.split("/").slice(-2).join("/")} → ${e.to.split(":").pop()}`)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^apis\/\w+ → hooks$/),
      expect.stringMatching(/^restapis\/\w+ → orders$/),
      expect.stringMatching(/^restapis\/\w+ → orders$/),
    ]);
  });

  it("a denied EKS is a coverage gap; Redshift and OpenSearch are still scanned", async () => {
    const { result } = await roundTrip(account(), {
      handlers: HANDLERS,
      services: SERVICES,
      types: TYPES,
      faults: [{ kind: "access-denied", service: "eks" }],
    });
    const coverage = Object.fromEntries(result.snapshot.coverage.map((c) => [c.service, c.status]));
    expect(coverage).toMatchObject({ eks: "denied", redshift: "scanned", opensearch: "scanned" });
    expect(result.snapshot.resources.filter((r) => r.type === "AWS::EKS::Cluster")).toEqual([]);
  });
});
