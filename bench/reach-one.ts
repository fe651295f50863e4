import { computeFacts } from "../src/analysis/facts.ts";
import { Graph } from "../src/model/graph.ts";
import { loadSnapshot } from "../src/model/io.ts";
import { push } from "../src/model/maps.ts";

// Reachability alone, for a snapshot: endpoint groups, internet exposure of every ENI-bearing resource,
// and every group-to-group answer within each VPC (what the flow rules and the diagram ask for).
const file = process.argv[2];
if (!file) throw new Error("usage: reach-one FILE");
const snapshot = await loadSnapshot(file);
const graph = new Graph(snapshot);
const enis = snapshot.resources.filter((r) => r.type === "AWS::EC2::NetworkInterface").length;
const t0 = performance.now();
const reach = computeFacts(graph).reach;
let exposed = 0;
for (const r of graph.resources) {
  if (reach.groupsOf(r).length === 0) continue;
  const e = reach.exposure(r);
  if (e.world.ports.length > 0 || e.viaLoadBalancers.length > 0) exposed++;
}
const byVpc = new Map<string, (typeof reach.groups)[number][]>();
for (const g of reach.groups) push(byVpc, g.vpcKey, g);
let pairs = 0;
for (const gs of byVpc.values())
  for (const a of gs)
    for (const b of gs) {
      if (a === b) continue;
      reach.betweenGroups(a, b);
      pairs++;
    }
const ms = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ ms, enis, groups: reach.groups.length, pairs, exposed, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
