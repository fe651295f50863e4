import type { Graph } from "../model/graph.ts";
import type { Resource } from "../model/snapshot.ts";
import { computeReachability, type Reachability } from "./reachability.ts";
import { classifySubnets, type SubnetClass, type SubnetFacts, subnetIdsOf } from "./subnets.ts";

/** Derived facts many rules need, computed once per snapshot. */
export interface Facts {
  subnets: Map<string, SubnetFacts>;
  /** The subnets a resource is placed in, with their class. Empty for resources outside any VPC. */
  placementOf(r: Resource): SubnetFacts[];
  /**
   * "public" if any of its subnets is public, else "unknown" if any subnet's class is unknown (it may be
   * public), else "private" if any is private, else "isolated"; undefined outside a VPC.
   */
  placementClass(r: Resource): SubnetClass | undefined;
  /** Network reachability, built on first use and cached for the run. */
  readonly reach: Reachability;
}

export function computeFacts(graph: Graph): Facts {
  const subnets = classifySubnets(graph);
  const placementOf = (r: Resource): SubnetFacts[] =>
    subnetIdsOf(r).flatMap((id) => {
      const s = graph.ec2(r, "subnet", id, "AWS::EC2::Subnet");
      const f = s && subnets.get(s.id);
      return f ? [f] : [];
    });
  let reach: Reachability | undefined;
  return {
    subnets,
    placementOf,
    placementClass(r) {
      const classes = new Set(placementOf(r).map((f) => f.class));
      if (classes.size === 0) return undefined;
      return classes.has("public")
        ? "public"
        : classes.has("unknown")
          ? "unknown"
          : classes.has("private")
            ? "private"
            : "isolated";
    },
    get reach() {
      reach ??= computeReachability(graph, subnets);
      return reach;
    },
  };
}
