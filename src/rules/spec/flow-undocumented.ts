import { formatPorts, isEmpty, type PortSet, subtract, tcpOnly, union } from "../../analysis/ports.ts";
import { type Path, portsBetweenGroups, possiblePorts } from "../../analysis/reachability.ts";
import { documentedPorts, groupsOfAll, initiators, networkMembers } from "../flows.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "flow-undocumented",
    title: "Traffic is possible that no documented flow allows",
    severity: "high",
    pack: "spec",
    resourceTypes: ["*"],
    what: "Network reachability (security groups, network ACLs, routes) lets the internet or another tier open TCP connections to a resource on ports that no `flows:` entry of the spec documents.",
    why: "The documented flows are the only traffic the architecture intends. Anything else that is possible is attack surface nobody reviewed: a database reachable from the bastion, an app port open to the internet.",
    fix: "Tighten the security groups (or NACLs) on the evidence path so only documented traffic gets through, or, if the traffic is intended, add the flow to architecture.yaml.",
    references: [],
    problem: "exposure",
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
    if (!spec || spec.spec.flows.length === 0) return [];
    const tiers = Object.keys(spec.spec.tiers);
    const documented = documentedPorts(spec.spec.flows);
    const members = new Map(tiers.map((t) => [t, networkMembers(ctx, t)]));
    const sourceGroups = new Map(tiers.map((t) => [t, groupsOfAll(ctx, initiators(members.get(t) ?? []))]));
    const out: RuleResult[] = [];
    const done = new Set<string>();
    const pairs = new Map<string, ReturnType<typeof portsBetweenGroups>>();
    for (const tier of tiers) {
      for (const target of members.get(tier) ?? []) {
        if (done.has(target.id)) continue;
        done.add(target.id);
        const targetTiers = spec.tiersOf(target);
        const exposure = ctx.facts.reach.exposure(target);
        // A flow's ports are TCP ports (the spec has no protocol field yet): UDP and ICMP are not compared.
        const fromInternet = tcpOnly(union(exposure.world.ports, exposure.restricted.ports));
        const extraInternet = subtract(fromInternet, documented("internet", targetTiers));
        if (!isEmpty(extraInternet)) {
          const path = isEmpty(exposure.world.ports) ? exposure.restricted : exposure.world;
          out.push(result(target, "internet", extraInternet, path, documented("internet", targetTiers)));
        } else {
          // Undocumented ports that get through only if unrecorded data allows it: unverified.
          const maybe = subtract(
            tcpOnly(union(possiblePorts(exposure.world), possiblePorts(exposure.restricted))),
            union(fromInternet, documented("internet", targetTiers)),
          );
          const why = [
            ...(exposure.world.unknown?.reasons ?? []),
            ...(exposure.restricted.unknown?.reasons ?? []),
          ];
          if (!isEmpty(maybe) && why.length > 0)
            out.push(
              unverified(target, why, {
                key: "from:internet",
                severity: "high",
                specLine: spec.lineOf(["flows"]),
              }),
            );
        }
        const targetGroups = ctx.facts.reach.groupsOf(target);
        for (const source of tiers) {
          if (targetTiers.includes(source)) continue;
          // Members in the same endpoint groups get the same answer: computed once per group set.
          const cacheKey = `${source}\0${targetGroups.map((g) => g.key).join("|")}`;
          let between = pairs.get(cacheKey);
          if (!between) {
            between = portsBetweenGroups(ctx.facts.reach, sourceGroups.get(source) ?? [], targetGroups, {
              skipSame: true,
            });
            pairs.set(cacheKey, between);
          }
          const { ports: allowed, sample, unknown } = between;
          // What the internet may reach (documented or not, reported above) any tier may reach too.
          const implied = union(
            documented(source, targetTiers),
            documented("internet", targetTiers),
            fromInternet,
          );
          const extra = subtract(tcpOnly(allowed), implied);
          if (!isEmpty(extra) && sample)
            out.push(
              result(target, `tier "${source}"`, extra, sample, documented(source, targetTiers), source),
            );
          else if (unknown && !isEmpty(subtract(tcpOnly(unknown.ports), implied)))
            out.push(
              unverified(target, unknown.reasons, {
                key: `from:${source}`,
                severity: "medium",
                specLine: spec.lineOf(["flows"]),
              }),
            );
        }
      }
    }
    return out;

    function result(
      target: (typeof out)[number]["resource"],
      from: string,
      ports: PortSet,
      path: Path,
      doc: PortSet,
      key = "internet",
    ): RuleResult {
      return {
        resource: target,
        key: `from:${key}`,
        severity: key === "internet" ? "high" : "medium",
        message: `${label(target)} can be reached from ${from} on tcp/${formatPorts(ports)}, which no documented flow allows.`,
        evidence: [
          `documented from ${from}: ${isEmpty(doc) ? "nothing" : `tcp/${formatPorts(doc)}`}`,
          ...path.hops.map((h) => h.text),
        ],
        specLine: spec?.lineOf(["flows"]),
      };
    }
  },
});
