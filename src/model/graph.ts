import { type Ec2Kind, ec2Arn } from "./arn.ts";
import { push } from "./maps.ts";
import type { KnownType } from "./props.ts";
import { type Recorded, recordedIndex } from "./recorded.ts";
import type { Edge, EdgeKind, Resource, ResourceOf, Snapshot } from "./snapshot.ts";

/** A broken reference inside a snapshot: an edge or parent pointing at a resource that is not there. */
export interface IntegrityProblem {
  path: string;
  message: string;
}

/** Duplicate ids, dangling edges, parents and notes. O(resources + edges + notes). */
export function checkIntegrity(snapshot: Snapshot): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const ids = new Set<string>();
  snapshot.resources.forEach((r, i) => {
    if (ids.has(r.id))
      problems.push({ path: `resources[${i}].id`, message: `duplicate resource id ${r.id}` });
    ids.add(r.id);
  });
  snapshot.resources.forEach((r, i) => {
    if (r.parent !== undefined && !ids.has(r.parent))
      problems.push({
        path: `resources[${i}].parent`,
        message: `parent ${r.parent} is not a resource in this snapshot`,
      });
  });
  snapshot.edges.forEach((e, i) => {
    for (const end of ["from", "to"] as const) {
      if (!ids.has(e[end]))
        problems.push({
          path: `edges[${i}].${end}`,
          message: `dangling ${e.kind} edge: ${e[end]} is not a resource in this snapshot`,
        });
    }
  });
  (snapshot.notes ?? []).forEach((n, i) => {
    if (!ids.has(n.resource))
      problems.push({
        path: `notes[${i}].resource`,
        message: `note on ${n.resource}, which is not a resource in this snapshot`,
      });
  });
  return problems;
}

export class IntegrityError extends Error {
  override readonly name = "IntegrityError";
  constructor(readonly problems: IntegrityProblem[]) {
    super(
      `snapshot has ${problems.length} broken reference(s): ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
    );
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** Read-only indexes over a snapshot, built once in O(resources + edges). */
export class Graph {
  readonly resources: readonly Resource[];
  readonly edges: readonly Edge[];
  private readonly byId = new Map<string, Resource>();
  private readonly byTypeIndex = new Map<string, Resource[]>();
  private readonly childrenIndex = new Map<string, Resource[]>();
  private readonly outIndex = new Map<string, Edge[]>();
  private readonly inIndex = new Map<string, Edge[]>();
  /** What the snapshot's coverage says was recorded where (src/model/recorded.ts). */
  readonly recorded: Recorded;

  constructor(readonly snapshot: Snapshot) {
    const problems = checkIntegrity(snapshot);
    if (problems.length > 0) throw new IntegrityError(problems);
    this.resources = snapshot.resources;
    this.edges = snapshot.edges;
    this.recorded = recordedIndex(snapshot);
    for (const r of snapshot.resources) {
      this.byId.set(r.id, r);
      push(this.byTypeIndex, r.type, r);
      if (r.parent !== undefined) push(this.childrenIndex, r.parent, r);
    }
    for (const e of snapshot.edges) {
      push(this.outIndex, e.from, e);
      push(this.inIndex, e.to, e);
    }
  }

  get size(): number {
    return this.resources.length;
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  /** The resource of a given type with this id, or undefined (also when the id has another type). */
  getOfType<T extends KnownType>(id: string | null | undefined, type: T): ResourceOf<T> | undefined {
    if (id == null) return undefined;
    const r = this.byId.get(id);
    return r?.type === type ? (r as ResourceOf<T>) : undefined;
  }

  /** An EC2 resource referenced by its native id (vpc-…, subnet-…, sg-…) from another resource in the same account and region. */
  ec2<T extends KnownType>(
    from: Pick<Resource, "account" | "region">,
    kind: Ec2Kind,
    nativeId: string | null | undefined,
    type: T,
  ): ResourceOf<T> | undefined {
    if (nativeId == null) return undefined;
    return this.getOfType(ec2Arn(from.region, from.account, kind, nativeId), type);
  }

  ofType<T extends KnownType>(type: T): readonly ResourceOf<T>[] {
    return (this.byTypeIndex.get(type) ?? NONE) as readonly ResourceOf<T>[];
  }

  /** Every type present, sorted. */
  types(): string[] {
    return [...this.byTypeIndex.keys()].sort();
  }

  children(id: string): readonly Resource[] {
    return this.childrenIndex.get(id) ?? NONE;
  }

  parentOf(r: Resource): Resource | undefined {
    return r.parent === undefined ? undefined : this.byId.get(r.parent);
  }

  out(id: string, kind?: EdgeKind): readonly Edge[] {
    const all = this.outIndex.get(id) ?? NONE;
    return kind ? all.filter((e) => e.kind === kind) : all;
  }

  in(id: string, kind?: EdgeKind): readonly Edge[] {
    const all = this.inIndex.get(id) ?? NONE;
    return kind ? all.filter((e) => e.kind === kind) : all;
  }
}
