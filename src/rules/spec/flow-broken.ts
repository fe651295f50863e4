import {
  formatPorts,
  intersect,
  isEmpty,
  NO_PORTS,
  type PortSet,
  subtract,
  tcpOnly,
  union,
} from "../../analysis/ports.ts";
import { exposureUnknowns, portsBetweenGroups, possiblePorts } from "../../analysis/reachability.ts";
import { flowPorts, groupsOfAll, networkMembers } from "../flows.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, specSubject } from "../util.ts";

export default defineRule({
  meta: {
    id: "flow-broken",
    title: "A documented flow is not possible",
    severity: "medium",
    pack: "spec",
    resourceTypes: ["asbuilt::Spec::Flow"],
    what: "A `flows:` entry of the spec (from a tier or the internet, to a tier, on ports) that no pair of resources can actually use: security groups, network ACLs or routes block every path.",
    why: "Either the system is broken (the documented traffic cannot flow, so something fails or goes another way), or the document is out of date. Both deserve a look.",
    fix: "Open the path the flow needs (the target's security group ingress from the source's group, the NACLs and routes between their subnets), or correct the flow in architecture.yaml.",
    references: [],
    needs: [
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::NetworkAcl",
      "AWS::EC2::RouteTable",
      "AWS::EC2::NetworkInterface",
      "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::TargetGroup.targets",
    ],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    const out: RuleResult[] = [];
    spec.spec.flows.forEach((flow, i) => {
      if (flow.protocol !== "tcp") return;
      const targets = networkMembers(ctx, flow.to);
      const sources = flow.from === "internet" ? [] : networkMembers(ctx, flow.from);
      if (targets.length === 0 || (flow.from !== "internet" && sources.length === 0)) return;
      const wanted = flowPorts(flow);
      // Proven: every step recorded; maybe: possible if what was not recorded allows it.
      let possible: PortSet = NO_PORTS;
      let maybe: PortSet = NO_PORTS;
      const reasons = new Set<string>();
      if (flow.from === "internet") {
        for (const t of targets) {
          const e = ctx.facts.reach.exposure(t);
          const lbs = e.viaLoadBalancers.map((v) => ({
            ...v,
            port: [[v.listenerPort, v.listenerPort]] as PortSet,
          }));
          possible = union(
            possible,
            e.world.ports,
            e.restricted.ports,
            ...lbs.filter((v) => !isEmpty(v.path.ports)).map((v) => v.port),
          );
          maybe = union(
            maybe,
            possiblePorts(e.world),
            possiblePorts(e.restricted),
            ...lbs.filter((v) => v.path.unknown).map((v) => v.port),
          );
          for (const r of exposureUnknowns(e)) reasons.add(r);
        }
      } else {
        const found = portsBetweenGroups(
          ctx.facts.reach,
          groupsOfAll(ctx, sources),
          groupsOfAll(ctx, targets),
          {
            until: wanted,
          },
        );
        possible = found.ports;
        maybe = union(found.ports, found.unknown?.ports ?? NO_PORTS);
        for (const r of found.unknown?.reasons ?? []) reasons.add(r);
      }
      const missing = subtract(wanted, intersect(wanted, possible));
      if (isEmpty(missing)) return;
      const subject = specSubject(ctx, "Flow", `${flow.from}->${flow.to}`);
      const impossible = subtract(missing, maybe);
      if (isEmpty(impossible)) {
        // Not proven possible, but possible for all we know: unverified, not broken.
        out.push(unverified(subject, [...reasons], { key: String(i), specLine: spec.lineOf(["flows", i]) }));
        return;
      }
      out.push({
        resource: subject,
        key: String(i),
        message: `The documented flow ${flow.from} → ${flow.to} on tcp/${formatPorts(impossible)} is not possible.`,
        evidence: [
          `checked ${flow.from === "internet" ? "the internet" : `${sources.length} source(s) (${sources.slice(0, 3).map(label).join(", ")})`} against ${targets.length} target(s) (${targets.slice(0, 3).map(label).join(", ")})`,
          `what is possible between them: ${isEmpty(tcpOnly(possible)) ? "nothing" : `tcp/${formatPorts(tcpOnly(possible))}`}`,
        ],
        specLine: spec.lineOf(["flows", i]),
      });
    });
    return out;
  },
});
