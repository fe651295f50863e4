import { vpcIdOf } from "../../analysis/subnets.ts";
import type { Resource } from "../../model/snapshot.ts";
import { defineRule, type RuleResult } from "../types.ts";
import { label } from "../util.ts";

export default defineRule({
  meta: {
    id: "environments-share-vpc",
    title: "Environments are not isolated",
    severity: "high",
    pack: "spec",
    resourceTypes: ["AWS::EC2::VPC", "AWS::EC2::VPCPeeringConnection"],
    what: "With `environments.isolation: vpc`, a VPC holding resources of more than one environment (by the environment tag), or a VPC peering connection joining VPCs of different environments.",
    why: "Isolation between environments is what keeps a compromised or misbehaving dev or staging workload away from production data; a shared or peered VPC lets security-group mistakes cross that line.",
    fix: "Move the stray resources into their own environment's VPC (or fix their environment tag if it is wrong), and delete peering connections between environments.",
    references: [],
    needs: ["AWS::EC2::VPC", "AWS::EC2::VPCPeeringConnection", "tags"],
  },
  check(ctx) {
    const spec = ctx.spec;
    const envs = spec?.spec.environments;
    if (!spec || !envs || envs.isolation !== "vpc") return [];
    const out: RuleResult[] = [];
    const byVpc = new Map<string, Map<string, Resource[]>>();
    const vpcEnv = new Map<string, string | undefined>();
    for (const r of ctx.graph.resources) {
      const vpcId = vpcIdOf(r);
      const env = spec.environmentOf(r);
      if (!vpcId || env === undefined) continue;
      const key = `${r.account}/${r.region}/${vpcId}`;
      if (r.type === "AWS::EC2::VPC") vpcEnv.set(key, env);
      const envMap = byVpc.get(key) ?? new Map<string, Resource[]>();
      byVpc.set(key, envMap);
      envMap.set(env, [...(envMap.get(env) ?? []), r]);
    }
    for (const vpc of ctx.graph.ofType("AWS::EC2::VPC")) {
      const envMap = byVpc.get(`${vpc.account}/${vpc.region}/${vpc.props.vpcId}`);
      if (!envMap || envMap.size < 2) continue;
      const names = [...envMap.keys()].sort();
      out.push({
        resource: vpc,
        message: `VPC ${label(vpc)} holds resources of ${names.length} environments: ${names.join(", ")}.`,
        evidence: names.map((env) => {
          const rs = envMap.get(env) ?? [];
          return `${envs.tag}=${env}: ${rs.slice(0, 4).map(label).join(", ")}${rs.length > 4 ? ` and ${rs.length - 4} more` : ""}`;
        }),
        specLine: spec.lineOf(["environments"]),
      });
    }
    for (const p of ctx.graph.ofType("AWS::EC2::VPCPeeringConnection")) {
      if (p.props.status !== "active") continue;
      const a = vpcEnv.get(
        `${p.props.requester.account}/${p.props.requester.region}/${p.props.requester.vpcId}`,
      );
      const b = vpcEnv.get(
        `${p.props.accepter.account}/${p.props.accepter.region}/${p.props.accepter.vpcId}`,
      );
      if (a === undefined || b === undefined || a === b) continue;
      out.push({
        resource: p,
        key: "peering",
        message: `Peering ${label(p)} joins a ${a} VPC (${p.props.requester.vpcId}) and a ${b} VPC (${p.props.accepter.vpcId}).`,
        evidence: [
          `requester ${p.props.requester.vpcId} is ${envs.tag}=${a}`,
          `accepter ${p.props.accepter.vpcId} is ${envs.tag}=${b}`,
        ],
        specLine: spec.lineOf(["environments"]),
      });
    }
    return out;
  },
});
