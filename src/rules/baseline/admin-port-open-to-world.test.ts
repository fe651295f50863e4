import { describe, expect, it } from "vitest";
import { allTraffic, type RuleSpec, tcp } from "../../../fixtures/builder.ts";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./admin-port-open-to-world.ts";

describe("admin-port-open-to-world", () => {
  it.each<[string, RuleSpec, string[]]>([
    ["SSH from 0.0.0.0/0", tcp(22, "0.0.0.0/0"), ["tcp/22"]],
    ["RDP from ::/0", tcp(3389, "::/0"), ["tcp/3389"]],
    ["a port range covering both", tcp([1, 4000], "0.0.0.0/0"), ["tcp/22", "tcp/3389"]],
    ["all traffic from the world", allTraffic("0.0.0.0/0"), ["tcp/22", "tcp/3389"]],
    ["SSH from an office range", tcp(22, "203.0.113.0/24"), []],
    ["HTTPS from the world", tcp(443, "0.0.0.0/0"), []],
  ])("%s", (_, ingress, keys) => {
    const { b, a } = account();
    const { v, pub } = network(a);
    const sg = a.securityGroup(v, "admin", { ingress: [ingress] });
    a.instance(pub, "host", { securityGroups: [sg], publicIp: true });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.message.match(/\((tcp\/\d+)\)/)?.[1])).toEqual(keys);
    for (const x of f) {
      expect(x.severity).toBe("high");
      expect(x.evidence).toContainEqual(expect.stringMatching(/^used by Instance "host"/));
      expect(x.evidence.at(-1)).toMatch(
        /^reachable from the internet: Instance "host" .* via public IP on an ENI in public subnet/,
      );
    }
  });

  it("reports one step lower when nothing routes the internet to the group's users", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "admin", { ingress: [tcp(22, "0.0.0.0/0")] });
    a.instance(priv, "inside", { securityGroups: [sg] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.severity)).toEqual(["medium"]);
    expect(f[0]?.message).toMatch(
      /from 0\.0\.0\.0\/0, though nothing using it is reachable from the internet today\.$/,
    );
  });

  it("reports an unused group at low severity", () => {
    const { b, a } = account();
    const { v } = network(a);
    a.securityGroup(v, "leftover", { ingress: [tcp(22, "0.0.0.0/0")] });
    const f = findingsOf(rule, b);
    expect(f.map((x) => [x.severity, x.evidence.at(-1)])).toEqual([["low", "nothing uses this group"]]);
  });
});
