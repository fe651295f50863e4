import { describe, expect, it } from "vitest";
import type { ConfigItem } from "../config/item.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";

describe("Route 53 from AWS Config", () => {
  it("reads hosted zones in CloudFormation's shape: private when they have VPCs, no record sets", () => {
    const zone = (id: string, configuration: Record<string, unknown>, over: Partial<ConfigItem> = {}) =>
      item({
        resourceType: "AWS::Route53::HostedZone",
        resourceId: id,
        arn: `arn:aws:route53:::hostedzone/${id}`,
        awsRegion: "us-east-1",
        configuration,
        ...over,
      });
    const out = normalizeConfigItems([
      zone(
        "ZPUB",
        { Id: "ZPUB", Name: "example.com.", NameServers: ["ns-1.awsdns-01.org"] },
        { tags: { team: "dns" } },
      ),
      zone("ZPRIV", {
        Id: "/hostedzone/ZPRIV",
        Name: "internal.example.com.",
        VPCs: [{ VPCId: "vpc-1", VPCRegion: "eu-west-1" }],
        HostedZoneTags: [{ Key: "Name", Value: "internal" }],
      }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.resources.map((r) => [r.id, r.region, r.name, r.tags, r.props])).toEqual([
      [
        "arn:aws:route53:::hostedzone/ZPUB",
        "global",
        "example.com",
        { team: "dns" },
        { hostedZoneId: "ZPUB", zoneName: "example.com.", privateZone: false, vpcIds: [], recordCount: 0 },
      ],
      [
        "arn:aws:route53:::hostedzone/ZPRIV",
        "global",
        "internal",
        { Name: "internal" },
        {
          hostedZoneId: "ZPRIV",
          zoneName: "internal.example.com.",
          privateZone: true,
          vpcIds: ["vpc-1"],
          recordCount: 0,
        },
      ],
    ]);
  });
});
