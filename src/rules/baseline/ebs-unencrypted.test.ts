import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./ebs-unencrypted.ts";

describe("ebs-unencrypted", () => {
  it("reports an unencrypted root volume and names its instance", () => {
    const { b, a } = account();
    const { v, priv } = network(a);
    const sg = a.securityGroup(v, "app");
    a.instance(priv, "old", { securityGroups: [sg], ebsEncrypted: false });
    a.instance(priv, "new", { securityGroups: [sg] });
    expect(findingsOf(rule, b).map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^EBS volume "vol-[0-9a-f]+" \(attached to "old" \(i-[0-9a-f]+\)\) is not encrypted\.$/,
      ),
    ]);
  });
});
