import type { ConfigItem } from "./item.ts";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";

/** A configuration item of a test, in account ACCOUNT and region REGION: a VPC unless `over` says otherwise. */
export function item(over: Partial<ConfigItem>): ConfigItem {
  return {
    accountId: ACCOUNT,
    awsRegion: REGION,
    resourceType: "AWS::EC2::VPC",
    resourceId: "vpc-1",
    configuration: {},
    supplementaryConfiguration: {},
    tags: {},
    relationships: [],
    status: "OK",
    capturedAt: "2026-11-01T08:55:00.000Z",
    ...over,
  };
}
