import { type Aliases, fromJson, type SdkSchema } from "../shape.ts";
import type { ServiceModule, Where } from "../types.ts";
import type { ConfigItem } from "./item.ts";

// What a service's AWS Config reader is: for each Config resource type it reads, a function that adds one
// item to the service module's raw input (the shape its live fetch returns), so that the module's own
// normalize function turns it into resources. Each service folder has one (<service>/config.ts).

/** The items of one account and region, with what several conversions look up. */
export interface Group {
  where: Where;
  items: ConfigItem[];
  vpcOfSubnet: Map<string, string>;
  vpcOfGroup: Map<string, string>;
  /** What a reader could not read of an item, one line each, for the import summary. */
  notes: string[];
}

export type AddItem<Raw> = (raw: Raw, item: ConfigItem, group: Group) => void;

export interface ConfigReader<Raw> {
  module: ServiceModule<Raw>;
  empty(): Raw;
  /** Config resource type (model name) → adds one item to the raw input. */
  types: Record<string, AddItem<Raw>>;
  /** What AWS Config never records of this service (types, or "Type.prop"), and why: its coverage is partial. */
  partial?: { notRecorded: readonly string[]; why: string };
  /** For a global service: the one region whose Config records it (us-east-1 for CloudFront and Route 53). */
  recordedIn?: string;
}

export function configReader<Raw>(r: ConfigReader<Raw>): ConfigReader<unknown> {
  return r as unknown as ConfigReader<unknown>;
}

export const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
export const tagMapping = (arn: string | undefined, tags: Record<string, string>) =>
  arn ? [{ ResourceARN: arn, Tags: tagList(tags) }] : [];

/** The configuration read as the SDK shape; an empty object when it holds nothing. */
export function sdk<T>(schema: SdkSchema, item: ConfigItem, aliases?: Aliases): T {
  return (fromJson<T>(schema, item.configuration, aliases) ?? {}) as T;
}

/** An EC2 object with the item's tags (Config's top-level tags are the resource's tags). */
export function ec2Object<T extends object>(
  schema: SdkSchema,
  item: ConfigItem,
  idKey: keyof T & string,
  tagKey: "Tags" | "TagSet" = "Tags",
  aliases?: Aliases,
): T {
  const o = sdk<T>(schema, item, aliases) as Record<string, unknown>;
  if (o[idKey] === undefined) o[idKey] = item.resourceId;
  if (Object.keys(item.tags).length > 0 || o[tagKey] === undefined) o[tagKey] = tagList(item.tags);
  return o as T;
}

/**
 * One member of supplementaryConfiguration, whatever its key's case. Snapshot files write each value as a
 * JSON string (AccessControlList even twice); query results mostly as objects. null: absent.
 */
export function supplementary(i: ConfigItem, key: string): unknown {
  const lower = key.toLowerCase();
  const k = Object.keys(i.supplementaryConfiguration).find((x) => x.toLowerCase() === lower);
  let v = k === undefined ? undefined : i.supplementaryConfiguration[k];
  for (let n = 0; n < 2 && typeof v === "string"; n++) {
    try {
      v = JSON.parse(v);
    } catch {
      break;
    }
  }
  return v ?? undefined;
}

export const nonEmpty = (v: unknown): boolean =>
  v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
