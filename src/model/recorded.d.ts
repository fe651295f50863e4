import type { Snapshot } from "./snapshot.ts";
export interface Recorded {
  /**
   * Why `what` was not recorded in `account`/`region`, or undefined when it was. `what` is a resource type
   * ("AWS::WAFv2::WebACL") or a type's aspect ("AWS::ElasticLoadBalancingV2::TargetGroup.targets"); types
   * no service of a scan records (generic ones) count as recorded.
   */
  gap(account: string, region: string, what: string): string | undefined;
}
export declare function recordedIndex(snapshot: Pick<Snapshot, "coverage">): Recorded;
