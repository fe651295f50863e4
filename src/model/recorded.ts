import { SERVICE_OF_TYPE, SERVICE_TYPES } from "./services.ts";
import type { Coverage, Snapshot } from "./snapshot.ts";

// "Was this recorded?", answered from a snapshot's coverage: what a scan, an AWS Config query or an import
// says it read. A type is recorded in an account and region when its service has a coverage entry there
// with status scanned, or partial without the type among `notRecorded`. No entry at all means nobody read
// it (a scan with --services, a hand-made snapshot): not recorded. Rules use this so that the absence of a
// resource (no web ACL, no flow log) is evidence only where its service was read.

export interface Recorded {
  /**
   * Why `what` was not recorded in `account`/`region`, or undefined when it was. `what` is a resource type
   * ("AWS::WAFv2::WebACL") or a type's aspect ("AWS::ElasticLoadBalancingV2::TargetGroup.targets"); types
   * no service of a scan records (generic ones) count as recorded.
   */
  gap(account: string, region: string, what: string): string | undefined;
}

export function recordedIndex(snapshot: Pick<Snapshot, "coverage">): Recorded {
  const byKey = new Map<string, Coverage>();
  for (const c of snapshot.coverage) {
    const k = `${c.account}/${c.region}/${c.service}`;
    const prev = byKey.get(k);
    // Two entries for one place (merged snapshots): the fuller one counts.
    if (!prev || rank(c) < rank(prev)) byKey.set(k, c);
  }
  const memo = new Map<string, string | undefined>();
  return {
    gap(account, region, what) {
      const key = `${account}/${region}/${what}`;
      if (memo.has(key)) return memo.get(key);
      const answer = compute(account, region, what);
      memo.set(key, answer);
      return answer;
    },
  };

  function compute(account: string, region: string, what: string): string | undefined {
    const type = what.split(".")[0] ?? what;
    const service = SERVICE_OF_TYPE.get(type);
    if (!service) return undefined;
    const where = SERVICE_TYPES[service]?.global
      ? "global"
      : // CloudFront-scope web ACLs are global resources read through us-east-1.
        region === "global" && service === "wafv2"
        ? "us-east-1"
        : region;
    const c = byKey.get(`${account}/${where}/${service}`);
    if (!c) return `${service} was not read in ${account} ${where} (no coverage entry for it)`;
    if (c.status === "scanned") return undefined;
    if (c.status === "partial" && !(c.notRecorded ?? []).some((n) => n === what || n === type))
      return undefined;
    return `${service} in ${account} ${where}: ${c.status}${c.error ? ` (${c.error})` : ""}`;
  }
}

function rank(c: Coverage): number {
  return c.status === "scanned" ? 0 : c.status === "partial" ? 1 : 2;
}
