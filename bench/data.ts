import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { plantChanges, synthetic } from "../fixtures/synthetic.ts";
import { saveSnapshot } from "../src/model/io.ts";

// Synthetic snapshots for the benchmarks, written once under bench/.data/ (git-ignored) and reused.

export const DATA = fileURLToPath(new URL("./.data/", import.meta.url));

/** The architecture the synthetic stacks are built to: tiers by role, the flows between them. */
export const SYNTHETIC_SPEC = `# The synthetic accounts' documented architecture (bench/data.ts).
name: synthetic
environments: { tag: Environment, values: [production, staging, dev, qa], isolation: vpc }
tags:
  required: [Environment, Application]
tiers:
  edge:
    select: { type: AWS::ElasticLoadBalancingV2::LoadBalancer }
    placement: public
    waf: required
  app:
    select: { tags: { Role: app } }
    placement: private
  data:
    select: { type: [AWS::RDS::DBInstance, AWS::ElastiCache::CacheCluster] }
    placement: private
    encryption: required
flows:
  - { from: internet, to: edge, ports: [80, 443] }
  - { from: edge, to: app, ports: [8080] }
  - { from: app, to: data, ports: [5432, 6379] }
`;

export function specFile(): string {
  mkdirSync(DATA, { recursive: true });
  const f = join(DATA, "architecture.yaml");
  writeFileSync(f, SYNTHETIC_SPEC);
  return f;
}

/** The path of a synthetic snapshot of about n resources, generating it when missing. */
export async function syntheticFile(n: number, regions?: string[]): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const f = join(DATA, `synthetic-${n}${regions ? `-${regions.length}r` : ""}.json`);
  if (!existsSync(f)) await saveSnapshot(f, synthetic({ resources: n, ...(regions ? { regions } : {}) }));
  return f;
}

/** The same synthetic account after a week of changes (plantChanges), for the diff benchmark. */
export async function syntheticChangedFile(n: number): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const f = join(DATA, `synthetic-${n}-changed.json`);
  if (!existsSync(f)) await saveSnapshot(f, plantChanges(synthetic({ resources: n })).snapshot);
  return f;
}
