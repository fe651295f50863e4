import { describe, expect, it } from "vitest";
import { account, findingsOf, network } from "../test-helpers.ts";
import rule from "./http-listener-without-redirect.ts";

describe("http-listener-without-redirect", () => {
  it("reports an HTTP listener that forwards, not one that redirects, nor HTTPS", () => {
    const { b, a } = account();
    const { v, pub, pub2 } = network(a);
    const tg = a.targetGroup(v, "web", { port: 8080 });
    const cert = a.certificate("api.example.com");
    const forwarding = a.loadBalancer(v, "api", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [],
    });
    a.listener(forwarding, { protocol: "HTTP", port: 80, forwardTo: tg });
    a.listener(forwarding, { protocol: "HTTPS", port: 443, forwardTo: tg, certificate: cert });
    const redirecting = a.loadBalancer(v, "www", {
      scheme: "internet-facing",
      subnets: [pub, pub2],
      securityGroups: [],
    });
    a.listener(redirecting, { protocol: "HTTP", port: 80, redirectToHttps: true });
    const f = findingsOf(rule, b);
    expect(f.map((x) => x.message)).toEqual([
      'Listener HTTP:80 on "api" forwards plain HTTP to its targets instead of redirecting to HTTPS.',
    ]);
  });
});
