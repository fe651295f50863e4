import { NormalizedSchema } from "@smithy/core/schema";

// JSON written by something other than the SDK (the AWS CLI, AWS Config) turned back into the objects the
// SDK would have returned, guided by the SDK's own shape schemas (`Vpc$`, `DescribeVpcs$`, exported by
// every @aws-sdk/client-*). The service modules' normalize functions then read it as they read a live
// response. What the schema walk fixes:
//   - member names are matched without regard to case: the CLI writes the SDK's PascalCase, AWS Config
//     writes Java-bean camelCase with its own quirks ("dBInstanceIdentifier", "vpczoneIdentifier",
//     "dbclusterMembers"), CloudFormation-shaped Config items write PascalCase again;
//   - timestamps become Date objects (the CLI writes ISO 8601, Config ISO 8601 or epoch milliseconds),
//     because normalize functions may call `.toISOString()` on them;
//   - scalars that arrive as strings ("42", "true") or wrapped ({"value": "available"}) are unwrapped;
//   - members the schema does not know are dropped, so nothing unexpected reaches a normalize function.

/** A shape or operation schema as the SDK exports it (`Vpc$`, `DescribeVpcs$`). */
export type SdkSchema = unknown;

/**
 * Extra source keys for a member, by "<Structure>.<Member>" ("IpPermission.IpRanges"), tried before the
 * member's own name: where the writer names a field differently from the SDK (CloudFormation's "Arn" for
 * ECS's clusterArn, Config's "ipv4Ranges" objects next to its "ipRanges" strings).
 */
export type Aliases = Readonly<Record<string, readonly string[]>>;

/** The output structure of an operation schema: DescribeVpcs$ → DescribeVpcsResult. */
export function outputOf(operation: SdkSchema): SdkSchema {
  const op = operation as readonly unknown[];
  const output = op[5];
  if (op[0] !== 9 || typeof output !== "function") throw new Error("outputOf: not an operation schema");
  return (output as () => unknown)();
}

/** `value` read as the SDK shape `schema`; undefined when it holds nothing of that shape. */
export function fromJson<T>(schema: SdkSchema, value: unknown, aliases: Aliases = {}): T | undefined {
  return convert(NormalizedSchema.of(schema as never), value, aliases, "") as T | undefined;
}

/** Where withShapeIssues collects what did not convert; undefined outside it (no paths are built then). */
let sink: string[] | undefined;

/**
 * Runs `fn` and returns, with its value, what the fromJson calls inside it could not read: list elements
 * of an unexpected shape (an older item's bare CIDR strings where objects are expected), objects that are
 * not objects. Each issue is "<path>: what". A list none of whose elements converts reads as absent (not
 * recorded), never as an empty list, so that a rule sees unknown rather than "none".
 */
export function withShapeIssues<T>(fn: () => T): { value: T; issues: string[] } {
  const outer = sink;
  const issues: string[] = [];
  sink = issues;
  try {
    return { value: fn(), issues };
  } finally {
    sink = outer;
  }
}

function convert(ns: NormalizedSchema, value: unknown, aliases: Aliases, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (ns.isStructSchema() || ns.isUnionSchema()) {
    const out = struct(ns, value, aliases, path);
    if (out === undefined && sink)
      sink.push(`${path || "(top)"}: ${describe(value)} where an object is expected`);
    return out;
  }
  if (ns.isListSchema()) {
    const items = Array.isArray(value) ? value : [value];
    const member = ns.getValueSchema();
    const out = items
      .map((v, i) => convert(member, v, aliases, sink ? `${path}[${i}]` : ""))
      .filter((v) => v !== undefined);
    if (items.length > 0 && out.length === 0) return undefined;
    return out;
  }
  if (ns.isMapSchema()) {
    if (!isRecord(value)) return undefined;
    const member = ns.getValueSchema();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = convert(member, v, aliases, sink ? `${path}.${k}` : "");
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  const scalar = unwrap(value);
  if (ns.isTimestampSchema()) return timestamp(scalar);
  if (ns.isBooleanSchema()) {
    if (typeof scalar === "boolean") return scalar;
    if (scalar === "true" || scalar === "false") return scalar === "true";
    return undefined;
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof scalar === "number") return scalar;
    if (typeof scalar === "string" && scalar.trim() !== "" && Number.isFinite(Number(scalar)))
      return Number(scalar);
    return undefined;
  }
  if (ns.isStringSchema()) {
    if (typeof scalar === "string") return scalar;
    if (typeof scalar === "number" || typeof scalar === "boolean") return String(scalar);
    return undefined;
  }
  if (ns.isDocumentSchema()) return value;
  // Blobs and streams: nothing a normalize function reads.
  return undefined;
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return `${Array.isArray(v) ? "a list" : typeof v} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function struct(
  ns: NormalizedSchema,
  value: unknown,
  aliases: Aliases,
  path: string,
): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const byLowerKey = new Map<string, string>();
  for (const k of Object.keys(value)) {
    const lower = k.toLowerCase();
    // An exact-case key wins over another spelling of the same name.
    if (!byLowerKey.has(lower) || k === lower) byLowerKey.set(lower, k);
  }
  const name = ns.getName() ?? "";
  const out: Record<string, unknown> = {};
  for (const [member, memberSchema] of ns.structIterator()) {
    const candidates = [...(aliases[`${name}.${member}`] ?? []), member];
    for (const candidate of candidates) {
      const key = candidate in value ? candidate : byLowerKey.get(candidate.toLowerCase());
      if (key === undefined) continue;
      const converted = convert(
        memberSchema,
        value[key],
        aliases,
        sink ? (path ? `${path}.${key}` : key) : "",
      );
      if (converted !== undefined) {
        out[member] = converted;
        break;
      }
    }
  }
  return out;
}

/** Config writes some scalars as {"value": x}. */
function unwrap(value: unknown): unknown {
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "value") return value.value;
  }
  return value;
}

/** ISO 8601, or epoch seconds / milliseconds (told apart by size: 1e11 s is the year 5138). */
function timestamp(value: unknown): Date | undefined {
  let d: Date | undefined;
  if (value instanceof Date) d = value;
  else if (typeof value === "number") d = new Date(Math.abs(value) < 1e11 ? value * 1000 : value);
  else if (typeof value === "string" && value.trim() !== "")
    d = /^-?\d+(\.\d+)?$/.test(value.trim()) ? timestamp(Number(value)) : new Date(value);
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
