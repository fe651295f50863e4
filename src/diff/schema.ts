import * as z from "zod/mini";
import "../model/zod-messages.ts";
import { FailOn } from "../architecture/schema.ts";
import { Edge } from "../model/snapshot.ts";
import { Finding, UnverifiedCheck } from "../rules/finding.ts";

// The document `asbuilt diff --format json` writes (docs/diff.md explains every field). Our own format:
// strict, so that a consumer reading an older or newer shape gets a clear error, not a silent gap.

/** A resource as the diff names it: enough to find and group it without the snapshots at hand. */
export const ResourceRef = z.strictObject({
  id: z.string(),
  type: z.string(),
  name: z.optional(z.string()),
  account: z.string(),
  region: z.string(),
  /** The id (ARN) of the VPC it lives in, when it lives in one. */
  vpc: z.optional(z.string()),
  vpcName: z.optional(z.string()),
});
export type ResourceRef = z.infer<typeof ResourceRef>;

export const PropertyChange = z.strictObject({
  field: z.string(),
  op: z.enum(["changed", "added", "removed"]),
  before: z.optional(z.string()),
  after: z.optional(z.string()),
  item: z.optional(z.string()),
  text: z.string(),
});

export const ChangedResource = z.extend(ResourceRef, { changes: z.array(PropertyChange) });
export type ChangedResource = z.infer<typeof ChangedResource>;

export const UnrecordedResource = z.extend(ResourceRef, {
  missingFrom: z.enum(["old", "new"]),
  reason: z.string(),
});

export const ExposureDelta = z.strictObject({
  resourceId: z.string(),
  resourceType: z.string(),
  resourceName: z.optional(z.string()),
  via: z.string(),
  change: z.enum(["opened", "closed", "unknown"]),
  ports: z.string(),
  openedBy: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type ExposureDelta = z.infer<typeof ExposureDelta>;

export const TierFlowDelta = z.strictObject({
  from: z.string(),
  to: z.string(),
  change: z.enum(["possible", "impossible", "unknown"]),
  ports: z.string(),
  evidence: z.array(z.string()),
  reasons: z.array(z.string()),
});

/** A new finding, with the change that caused it where one can be named. */
export const NewFinding = z.extend(Finding, { cause: z.optional(z.array(z.string())) });
export type NewFinding = z.infer<typeof NewFinding>;

export const ResolvedUnverified = z.extend(UnverifiedCheck, {
  /** What the check is now: a finding (it failed), passed, or gone (its resource or rule is not there). */
  now: z.enum(["finding", "passed", "gone"]),
});

const Side = z.strictObject({
  file: z.string(),
  scannedAt: z.string(),
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  resources: z.number().check(z.int(), z.gte(0)),
});

export const DiffReport = z.strictObject({
  asbuilt: z.string(),
  old: Side,
  new: Side,
  spec: z.optional(z.string()),
  /** Accounts and regions only one snapshot covers (allowed with --allow-different-scope). */
  scope: z.strictObject({
    accountsOnlyInOld: z.array(z.string()),
    accountsOnlyInNew: z.array(z.string()),
    regionsOnlyInOld: z.array(z.string()),
    regionsOnlyInNew: z.array(z.string()),
  }),
  summary: z.strictObject({
    added: z.number().check(z.int()),
    removed: z.number().check(z.int()),
    changed: z.number().check(z.int()),
    unrecorded: z.number().check(z.int()),
    edgesAdded: z.number().check(z.int()),
    edgesRemoved: z.number().check(z.int()),
    exposureOpened: z.number().check(z.int()),
    exposureClosed: z.number().check(z.int()),
    exposureUnknown: z.number().check(z.int()),
    tierFlowsPossible: z.number().check(z.int()),
    tierFlowsImpossible: z.number().check(z.int()),
    findingsNew: z.number().check(z.int()),
    findingsFixed: z.number().check(z.int()),
    findingsOpen: z.number().check(z.int()),
    unverifiedNew: z.number().check(z.int()),
    unverifiedResolved: z.number().check(z.int()),
    /** New unwaived findings at or above failOn: the exit code is 1 when this is not 0. */
    failing: z.number().check(z.int()),
  }),
  failOn: FailOn,
  added: z.array(ResourceRef),
  removed: z.array(ResourceRef),
  changed: z.array(ChangedResource),
  /** On one side only, where the other did not record its type (a service denied, a region not scanned). */
  unrecorded: z.array(UnrecordedResource),
  edges: z.strictObject({ added: z.array(Edge), removed: z.array(Edge) }),
  exposure: z.strictObject({
    internet: z.array(ExposureDelta),
    /** Empty without --spec (tiers come from the spec). */
    tierFlows: z.array(TierFlowDelta),
  }),
  findings: z.strictObject({
    new: z.array(NewFinding),
    fixed: z.array(Finding),
    open: z.array(Finding),
    /** On resources the other snapshot did not record (see `unrecorded`): neither new nor fixed. */
    notCompared: z.array(Finding),
  }),
  unverified: z.strictObject({
    /** Checks the new snapshot could not decide that the old one could (or that are new). */
    new: z.array(UnverifiedCheck),
    /** Checks the old snapshot could not decide that the new one decides (or that went away). */
    resolved: z.array(ResolvedUnverified),
  }),
});
export type DiffReport = z.infer<typeof DiffReport>;
