import { type Ec2Kind } from "./arn.ts";
import type { KnownType } from "./props.ts";
import { type Recorded } from "./recorded.ts";
import type { Edge, EdgeKind, Resource, ResourceOf, Snapshot } from "./snapshot.ts";
/** A broken reference inside a snapshot: an edge or parent pointing at a resource that is not there. */
export interface IntegrityProblem {
  path: string;
  message: string;
}
/** Duplicate ids, dangling edges and dangling parents. O(resources + edges). */
export declare function checkIntegrity(snapshot: Snapshot): IntegrityProblem[];
export declare class IntegrityError extends Error {
  readonly problems: IntegrityProblem[];
  readonly name = "IntegrityError";
  constructor(problems: IntegrityProblem[]);
}
/** Read-only indexes over a snapshot, built once in O(resources + edges). */
export declare class Graph {
  readonly snapshot: Snapshot;
  readonly resources: readonly Resource[];
  readonly edges: readonly Edge[];
  private readonly byId;
  private readonly byTypeIndex;
  private readonly childrenIndex;
  private readonly outIndex;
  private readonly inIndex;
  /** What the snapshot's coverage says was recorded where (src/model/recorded.ts). */
  readonly recorded: Recorded;
  constructor(snapshot: Snapshot);
  get size(): number;
  get(id: string): Resource | undefined;
  /** The resource of a given type with this id, or undefined (also when the id has another type). */
  getOfType<T extends KnownType>(id: string | null | undefined, type: T): ResourceOf<T> | undefined;
  /** An EC2 resource referenced by its native id (vpc-…, subnet-…, sg-…) from another resource in the same account and region. */
  ec2<T extends KnownType>(
    from: Pick<Resource, "account" | "region">,
    kind: Ec2Kind,
    nativeId: string | null | undefined,
    type: T,
  ): ResourceOf<T> | undefined;
  ofType<T extends KnownType>(type: T): readonly ResourceOf<T>[];
  /** Every type present, sorted. */
  types(): string[];
  children(id: string): readonly Resource[];
  parentOf(r: Resource): Resource | undefined;
  out(id: string, kind?: EdgeKind): readonly Edge[];
  in(id: string, kind?: EdgeKind): readonly Edge[];
}
