import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./elasticache-encryption-disabled.ts";

describe("elasticache-encryption-disabled", () => {
  it("reports a replication group without transit encryption, not an encrypted one", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "cache");
    a.redis(v, "sessions", { subnets: [priv], securityGroups: [sg], transitEncryption: false });
    a.redis(v, "secure", { subnets: [priv], securityGroups: [sg] });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      'Cache "sessions" is not encrypted in transit.',
    ]);
  });
});
