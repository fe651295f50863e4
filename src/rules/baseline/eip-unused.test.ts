import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./eip-unused.ts";

describe("eip-unused", () => {
  it("reports an unassociated address, not one on an instance or NAT gateway", () => {
    const { b, a } = account();
    const { v, pub } = network(a);
    a.instance(pub, "web", { securityGroups: [a.securityGroup(v, "web")], eip: true });
    const spare = a.eip("spare");
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.resourceId)).toEqual([spare.id]);
    expect(f[0]?.message).toMatch(
      /^Elastic IP "spare" \(eipalloc-[0-9a-f]+\) \([\d.]+\) is not associated with anything\.$/,
    );
  });
});
