import { tcp } from "../../fixtures/builder.ts";
import { account, network } from "./test-helpers.ts";

/**
 * A small documented system for the spec rules' tests: an internet-facing ALB (edge) in front of app
 * instances (app), a Postgres database (data) and a bastion. What each test changes is the point of it.
 */
export function documentedShop() {
  const { b, a } = account();
  const { v, pub, pub2, priv } = network(a);
  const priv2 = a.subnet(v, "main-private-b", { cidr: "10.0.11.0/24", az: "us-east-2b" });
  const lbSg = a.securityGroup(v, "lb", { ingress: [tcp(443, "0.0.0.0/0")] });
  const bastionSg = a.securityGroup(v, "bastion", { ingress: [tcp(22, "203.0.113.0/24")] });
  const appSg = a.securityGroup(v, "app", { ingress: [tcp(8080, lbSg), tcp(22, bastionSg)] });
  const dbSg = a.securityGroup(v, "db", { ingress: [tcp(5432, appSg)] });
  const app1 = a.instance(priv, "app-1", { securityGroups: [appSg], tags: { Role: "app" } });
  const app2 = a.instance(priv2, "app-2", { securityGroups: [appSg], tags: { Role: "app" } });
  const bastion = a.instance(pub, "bastion", {
    securityGroups: [bastionSg],
    publicIp: true,
    tags: { Role: "bastion" },
  });
  const tg = a.targetGroup(v, "app", { port: 8080, targets: [app1, app2] });
  const lb = a.loadBalancer(v, "front", {
    scheme: "internet-facing",
    subnets: [pub, pub2],
    securityGroups: [lbSg],
  });
  const cert = a.certificate("shop.example.com");
  a.listener(lb, { protocol: "HTTPS", port: 443, forwardTo: tg, certificate: cert });
  const db = a.dbInstance(v, "orders", {
    engine: "postgres",
    subnets: [priv, priv2],
    securityGroups: [dbSg],
    multiAz: true,
  });
  return {
    b,
    a,
    v,
    pub,
    pub2,
    priv,
    priv2,
    lbSg,
    bastionSg,
    appSg,
    dbSg,
    app1,
    app2,
    bastion,
    lb,
    db,
    tg,
    cert,
  };
}

export const SHOP_SPEC = `name: shop
tiers:
  edge: { select: { type: AWS::ElasticLoadBalancingV2::LoadBalancer }, placement: public, waf: required, tls: required }
  app: { select: { tags: { Role: app } }, placement: private, multiAz: true }
  data: { select: { type: AWS::RDS::DBInstance }, placement: private, encryption: required, multiAz: true }
  bastion: { select: { tags: { Role: bastion } }, placement: public }
flows:
  - { from: internet, to: edge, ports: [443] }
  - { from: internet, to: bastion, ports: [22] }
  - { from: edge, to: app, ports: [8080] }
  - { from: bastion, to: app, ports: [22] }
  - { from: app, to: data, ports: [5432] }
`;
