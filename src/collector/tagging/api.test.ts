import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arnType, normalizeTagging, parseArn, type TaggingRaw } from "./api.ts";

const where = { account: "123456789012", region: "us-east-1" };
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "testdata", `${name}.json`), "utf8")) as T;

const raw: TaggingRaw = {
  mappings: recorded<{ ResourceTagMappingList: TaggingRaw["mappings"] }>("GetResources_1")
    .ResourceTagMappingList,
};

describe("normalizeTagging on recorded responses", () => {
  const { resources, edges } = normalizeTagging(raw, where);

  it("keeps every unmodelled tagged resource as a generic one: CloudFormation type, name, tags, no props", () => {
    expect(resources.map((r) => [r.type, r.name, r.region])).toEqual([
      ["AWS::SecretsManager::Secret", "shop/production/db", "us-east-1"],
      ["AWS::SQS::Queue", "order-events", "us-east-1"],
      ["AWS::ElasticBeanstalk::Environment", "myapp-prod", "us-east-1"],
      ["AWS::Batch::JobQueue", "Nightly merge queue", "us-east-1"],
      ["AWS::ECR::Repository", "team/api", "us-east-1"],
      ["AWS::CodePipeline::Pipeline", "deploy-shop", "us-east-1"],
      ["AWS::Logs::LogGroup", "/aws/lambda/orders-api", "us-east-1"],
      ["AWS::IAM::Role", "deployer", "global"],
      ["AWS::WidgetsPro::WidgetSet", "ws-0042", "us-east-1"],
    ]);
    expect(resources[0]).toEqual({
      id: "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/production/db-AbC123",
      type: "AWS::SecretsManager::Secret",
      account: "123456789012",
      region: "us-east-1",
      name: "shop/production/db",
      tags: { Environment: "production" },
      props: {},
    });
    expect(edges).toEqual([]);
  });

  it("leaves modelled resources (EC2, ELB, RDS, S3, Lambda, ECS, WAF, Auto Scaling) and ECS tasks to their modules", () => {
    const ids = new Set(resources.map((r) => r.id));
    for (const m of raw.mappings) {
      const arn = m.ResourceARN ?? "";
      const modelled = /:(ec2|elasticloadbalancing|rds|s3|lambda|ecs|wafv2|autoscaling):/.test(arn);
      expect(ids.has(arn), arn).toBe(!modelled);
    }
  });
});

describe("ARN → CloudFormation type", () => {
  it.each([
    ["arn:aws:kinesis:us-east-2:123456789012:stream/clicks", "AWS::Kinesis::Stream", "clicks"],
    [
      "arn:aws:rds:us-east-1:123456789012:snapshot:rds:orders-2026-01-01",
      "AWS::RDS::DBSnapshot",
      "orders-2026-01-01",
    ],
    [
      "arn:aws:rds:us-east-1:123456789012:cluster-pg:aurora-pg",
      "AWS::RDS::DBClusterParameterGroup",
      "aurora-pg",
    ],
    ["arn:aws:ec2:us-east-1:123456789012:launch-template/lt-0abc", "AWS::EC2::LaunchTemplate", "lt-0abc"],
    [
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/classic-web",
      "AWS::ElasticLoadBalancing::LoadBalancer",
      "classic-web",
    ],
    ["arn:aws:ssm:us-east-1:123456789012:parameter/shop/db/host", "AWS::SSM::Parameter", "shop/db/host"],
    ["arn:aws:sns:us-east-1:123456789012:alerts", "AWS::SNS::Topic", "alerts"],
    ["arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod", "AWS::ApiGateway::Stage", "prod"],
    [
      "arn:aws:apigateway:eu-west-1::/apis/f6g7h8i9j0/stages/$default",
      "AWS::ApiGatewayV2::Stage",
      "$default",
    ],
    [
      "arn:aws:apigateway:eu-west-1::/domainnames/api.example.com",
      "AWS::ApiGateway::Resource",
      "api.example.com",
    ],
  ])("%s → %s named %s", (arn, type, name) => {
    const a = parseArn(arn);
    expect(a && arnType(a.service, a.resource)).toEqual({ type, name });
  });

  it("knows modelled types by their ARN, so they are skipped, not duplicated", () => {
    for (const arn of [
      "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc",
      "arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-0abc",
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2",
      "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:sessions",
      "arn:aws:acm:us-east-1:123456789012:certificate/6f1e0d2c-0000-4000-8000-000000000000",
      "arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE",
      "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/a1b2",
      // These two were kept as generic copies (AWS::OpenSearchService::Domain, AWS::ApiGateway::Resource)
      // under the modelled resource's id, and whichever module finished first won.
      "arn:aws:es:eu-west-1:123456789012:domain/logs",
      "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5",
      "arn:aws:apigateway:eu-west-1::/apis/f6g7h8i9j0",
      "arn:aws:redshift:eu-west-1:123456789012:cluster:warehouse",
      "arn:aws:eks:eu-west-1:123456789012:cluster/apps",
      "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0abc",
      "arn:aws:rds:eu-west-1:123456789012:db-proxy:prx-0abc",
      "arn:aws:lambda:eu-west-1:123456789012:function:orders",
    ])
      expect(normalizeTagging({ mappings: [{ ResourceARN: arn, Tags: [] }] }, where).resources, arn).toEqual(
        [],
      );
  });

  it("ignores what is not an ARN", () => {
    expect(parseArn("i-0abc")).toBeUndefined();
    expect(normalizeTagging({ mappings: [{ ResourceARN: "not:an:arn" }, {}] }, where).resources).toEqual([]);
  });
});
