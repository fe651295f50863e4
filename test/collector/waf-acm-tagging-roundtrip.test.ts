import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { ec2Handler } from "../aws-endpoint/services/ec2.ts";
import { elbv2Handler } from "../aws-endpoint/services/elbv2.ts";
import { taggingHandler } from "../aws-endpoint/services/tagging.ts";
import { acmHandler, wafv2Handler } from "../aws-endpoint/services/waf-acm.ts";
import { EC2_TYPES, roundTrip } from "./roundtrip.ts";

/** An ALB with a certificate and a regional web ACL, plus resources no module models (a secret, a Beanstalk environment). */
function account() {
  const b = new SnapshotBuilder("test:waf");
  const a = b.in("123456789012", "us-east-1");
  const v = a.vpc("web", { cidr: "10.9.0.0/16" });
  const s1 = a.subnet(v, "a", { cidr: "10.9.0.0/24", az: "us-east-1a" });
  const s2 = a.subnet(v, "b", { cidr: "10.9.1.0/24", az: "us-east-1b" });
  const lb = a.loadBalancer(v, "site", {
    scheme: "internet-facing",
    subnets: [s1, s2],
    securityGroups: [a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] })],
  });
  const cert = a.certificate("www.example.com", { sans: ["example.com"] });
  a.listener(lb, { protocol: "HTTPS", port: 443, certificate: cert });
  a.webAcl("site-waf", {
    protects: [lb],
    rules: ["AWSManagedRulesCommonRuleSet"],
    tags: { Team: "security" },
  });
  a.generic(
    "AWS::SecretsManager::Secret",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:site/db-password-AbCdEf",
    "site/db-password",
    { tags: { Application: "site" } },
  );
  a.generic(
    "AWS::ElasticBeanstalk::Environment",
    "arn:aws:elasticbeanstalk:us-east-1:123456789012:environment/site/site-prod",
    "site-prod",
    { tags: { Environment: "production" } },
  );
  return b.build();
}

const TYPES = new Set([
  ...EC2_TYPES,
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::WAFv2::WebACL",
  "AWS::CertificateManager::Certificate",
  "AWS::SecretsManager::Secret",
  "AWS::ElasticBeanstalk::Environment",
]);

describe("WAFv2, ACM and Tagging collectors against the loopback endpoint", () => {
  it("scan back the web ACL and what it protects, certificates with their users, and unmodelled tagged resources", async () => {
    const { expected, actual, result } = await roundTrip(account(), {
      handlers: [ec2Handler, elbv2Handler, wafv2Handler, acmHandler, taggingHandler],
      services: ["ec2", "elbv2", "wafv2", "acm", "tagging"],
      types: TYPES,
    });
    expect(result.snapshot.coverage.filter((c) => c.status !== "scanned")).toEqual([]);
    expect(actual).toEqual(expected);
    // Modelled resources appear once: the Tagging API never adds a generic copy.
    expect(
      result.snapshot.resources
        .filter((r) => r.type.startsWith("AWS::EC2::") || r.type.startsWith("AWS::ElasticLoadBalancingV2::"))
        .every((r) => r.props && Object.keys(r.props).length > 0),
    ).toBe(true);
  });
});
