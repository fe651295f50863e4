import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { Graph } from "../model/graph.ts";
import { computeAttackSurface, ExposureEntry } from "./exposure.ts";
import { computeFacts } from "./facts.ts";

/** A shop: a public web host, a private app behind an internet-facing ALB, a distribution in front of a bucket. */
function shop() {
  const b = new SnapshotBuilder("test:exposure");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("shop", { cidr: "10.0.0.0/16" });
  const igw = a.internetGateway(v, "igw");
  const pub = a.subnet(v, "web", { cidr: "10.0.1.0/24", az: "us-east-2a" });
  const priv = a.subnet(v, "app", { cidr: "10.0.2.0/24", az: "us-east-2a" });
  a.routeTable(v, "public", { subnets: [pub], routes: [{ destination: "0.0.0.0/0", via: igw }] });
  const webSg = a.securityGroup(v, "web", {
    ingress: [tcp(22, "203.0.113.0/24"), { protocol: "udp", ports: 51820, from: "0.0.0.0/0" }],
  });
  a.instance(pub, "web-1", { securityGroups: [webSg], publicIp: true });
  const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0"), tcp(8443, "0.0.0.0/0")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, lbSg)] });
  const app = a.instance(priv, "app-1", { securityGroups: [appSg] });
  const tg = a.targetGroup(v, "app", { port: 8080, targets: [app] });
  const lb = a.loadBalancer(v, "front", {
    scheme: "internet-facing",
    subnets: [pub],
    securityGroups: [lbSg],
  });
  a.listener(lb, { protocol: "HTTPS", port: 443, forwardTo: tg });
  const bucket = a.bucket("assets", {});
  a.distribution("cdn", { origins: [bucket], viewerProtocolPolicy: "https-only" });
  return { b, a, v, pub, priv };
}

const surface = (b: SnapshotBuilder) => {
  const graph = new Graph(b.build());
  return computeAttackSurface(graph, computeFacts(graph));
};
const line = (e: ExposureEntry) =>
  `${e.resourceName} ${e.traffic} ${e.via}${e.viaName ? `:${e.viaName}` : ""} ${e.audience}`;

describe("the attack surface", () => {
  it("lists every resource and port the internet reaches, how, and from whom", () => {
    const x = surface(shop().b);
    expect(x.reached.map(line).sort()).toEqual(
      [
        "web-1 tcp/22 direct some addresses",
        "web-1 udp/51820 direct anyone",
        // The listener's port only: 8443 is open in the group, but nothing listens there.
        "front tcp/443 direct anyone",
        "app-1 tcp/8080 load-balancer:front anyone",
        "cdn tcp/443 cloudfront anyone",
        "assets tcp/443 cloudfront:cdn anyone",
      ].sort(),
    );
    expect(x.unknown).toEqual([]);
    const app = x.reached.find((e) => e.resourceName === "app-1");
    expect(app?.hops.map((h) => h.kind)).toEqual([
      "internet",
      "nacl",
      "security-group",
      "listener",
      "target-group",
      "route",
      "security-group",
      "nacl",
      "nacl",
      "security-group",
    ]);
    // Every entry is what the JSON schema says.
    for (const e of [...x.reached, ...x.unknown]) ExposureEntry.parse(e);
  });

  it("keeps what depends on data nobody recorded apart, with what was not recorded", () => {
    const { b, a, v } = shop();
    // A subnet no route table of the recorded ones applies to: the VPC's main table is lost too.
    const lost = a.subnet(v, "lost", { cidr: "10.0.9.0/24", az: "us-east-2a" });
    const sg = a.securityGroup(v, "lost", { ingress: [tcp(3389, "0.0.0.0/0")] });
    a.instance(lost, "lost-1", { securityGroups: [sg], publicIp: true });
    const snapshot = b.build();
    const main = snapshot.resources.find(
      (r) => r.type === "AWS::EC2::RouteTable" && (r.props as { main?: boolean }).main === true,
    );
    snapshot.resources = snapshot.resources.filter((r) => r !== main);
    snapshot.edges = snapshot.edges.filter((e) => e.from !== main?.id && e.to !== main?.id);
    const graph = new Graph(snapshot);
    const x = computeAttackSurface(graph, computeFacts(graph));
    expect(x.reached.map(line)).not.toContainEqual(expect.stringContaining("lost-1"));
    const unknown = x.unknown.filter((e) => e.resourceName === "lost-1");
    expect(unknown.map(line)).toEqual(["lost-1 tcp/3389 direct anyone"]);
    expect(unknown[0]?.reasons[0]).toMatch(/no route table of VPC vpc-[0-9a-f]+ is recorded/);
  });

  it("plugs in managed front doors by type: API Gateway, Lambda URLs, EKS, OpenSearch", () => {
    const b = new SnapshotBuilder("test:doors");
    const a = b.in("111111111111", "us-east-2");
    a.restApi("orders", { endpointTypes: ["REGIONAL"], routes: [{ route: "GET /orders", auth: "AWS_IAM" }] });
    a.restApi("internal", { endpointTypes: ["PRIVATE"], routes: [] });
    delete a.restApi("unread", { routes: [] }).props.endpointTypes;
    a.generic("AWS::Lambda::Url", "arn:aws:lambda:us-east-2:111111111111:function:hook/url", "hook-url", {
      props: { authType: "NONE", targetFunctionArn: "arn:aws:lambda:us-east-2:111111111111:function:hook" },
    });
    // The lambda module's model: a function with its URLs (one with none).
    a.lambda("webhook", { url: "NONE" });
    a.lambda("batch");
    const kv = a.vpc("k8s", { cidr: "10.9.0.0/16" });
    const ks = a.subnet(kv, "k8s-a", { cidr: "10.9.1.0/24", az: "us-east-2a" });
    a.eksCluster(kv, "k", {
      subnets: [ks],
      securityGroups: [a.securityGroup(kv, "k8s")],
      publicAccessCidrs: ["198.51.100.0/24"],
    });
    a.openSearchDomain("logs", { policy: "open" });
    const x = surface(b);
    expect(x.reached.map(line).sort()).toEqual(
      [
        "orders tcp/443 api-gateway anyone",
        "hook-url tcp/443 lambda-url anyone",
        "webhook tcp/443 lambda-url anyone",
        "k tcp/443 eks-endpoint some addresses",
        "logs tcp/443 opensearch-endpoint anyone",
      ].sort(),
    );
    expect(x.unknown.map(line)).toEqual(["unread tcp/443 api-gateway anyone"]);
    expect(x.unknown[0]?.reasons).toEqual(["the endpoint type of REST API unread is not recorded"]);
  });

  it("a classic load balancer: exposed on its listener ports, its instances behind it on the instance port", () => {
    const { b, a, v, pub, priv } = shop();
    const elbSg = a.securityGroup(v, "elb", { ingress: [tcp(80, "0.0.0.0/0"), tcp(8443, "0.0.0.0/0")] });
    const legacySg = a.securityGroup(v, "legacy", { ingress: [tcp(8000, elbSg)] });
    const legacy = a.instance(priv, "legacy-1", { securityGroups: [legacySg] });
    a.classicLoadBalancer(v, "old-front", {
      scheme: "internet-facing",
      subnets: [pub],
      securityGroups: [elbSg],
      listeners: [{ protocol: "HTTP", port: 80, instancePort: 8000 }],
      instances: [legacy],
    });
    const x = surface(b);
    expect(x.reached.map(line).filter((l) => l.includes("old-front") || l.includes("legacy"))).toEqual([
      "legacy-1 tcp/8000 classic-load-balancer:old-front anyone",
      "old-front tcp/80 direct anyone",
    ]);
  });
});
