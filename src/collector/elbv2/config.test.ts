import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfigItem } from "../config/item.ts";
import { normalizeConfigItems } from "../config/normalize.ts";
import { item } from "../config/test-item.ts";

const recordedItem = () => {
  const parsed = parseConfigItem(
    JSON.parse(readFileSync(join(import.meta.dirname, "testdata", "config-load-balancer.json"), "utf8")),
  );
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

describe("ELBv2 load balancers from AWS Config", () => {
  it("reads the attributes a recorded item holds in supplementaryConfiguration", () => {
    const out = normalizeConfigItems([recordedItem()]);
    const lb = out.resources.find((r) => r.type === "AWS::ElasticLoadBalancingV2::LoadBalancer");
    expect(lb?.props).toMatchObject({
      name: "artifacts",
      scheme: "internal",
      accessLogsEnabled: true,
      deletionProtection: false,
    });
    // This item predates the header-fields attribute: unknown, not false.
    expect(lb?.props).not.toHaveProperty("dropInvalidHeaderFields");
  });

  it("an item without LoadBalancerAttributes leaves all three unknown", () => {
    const i = recordedItem();
    const out = normalizeConfigItems([item({ ...i, supplementaryConfiguration: {} })]);
    const props = out.resources[0]?.props ?? {};
    expect(Object.keys(props)).not.toContain("accessLogsEnabled");
    expect(Object.keys(props)).not.toContain("deletionProtection");
  });
});
