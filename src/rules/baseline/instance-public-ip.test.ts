import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./instance-public-ip.ts";

describe("instance-public-ip", () => {
  it.each([
    ["an Elastic IP", { eip: true }, /has the public IP [\d.]+ \(an Elastic IP\)\.$/],
    ["an auto-assigned IP", { publicIp: true }, /has the public IP [\d.]+\.$/],
  ])("reports an instance with %s", (_, opts, pattern) => {
    const { b, a } = account();
    const { v, pub } = network(a);
    a.instance(pub, "web", { securityGroups: [a.securityGroup(v, "web")], ...opts });
    const f = findingsOf(rule, b);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(pattern);
  });

  it("does not report private instances", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    a.instance(priv, "app", { securityGroups: [a.securityGroup(v, "app")] });
    expect(findingsOf(rule, b)).toEqual([]);
  });
});
