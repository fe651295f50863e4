import { type ConfigItem, parseConfigItem } from "../config/item.ts";
import { isRecord } from "../shape.ts";
import { shapeError } from "./read.ts";

// AWS Config files an import reads:
//   - a configuration snapshot (or history) file as Config delivers it to S3:
//     {"fileVersion": "1.0", "configSnapshotId": "…", "configurationItems": [ {…item…}, … ]}, often .json.gz;
//   - the output of `aws configservice select-resource-config` or `select-aggregate-resource-config`:
//     {"Results": ["<item as a JSON string>", …], "QueryInfo": {…}}.

export type ConfigFileKind = "AWS Config snapshot" | "AWS Config query result";

/** Which Config file this JSON is, or undefined when it is neither. */
export function configFileKind(data: unknown): ConfigFileKind | undefined {
  if (!isRecord(data)) return undefined;
  if (Array.isArray(data.configurationItems)) return "AWS Config snapshot";
  if (Array.isArray(data.Results) && (data.QueryInfo !== undefined || data.Results.every(isItemLike)))
    return "AWS Config query result";
  return undefined;
}

function isItemLike(r: unknown): boolean {
  return typeof r === "string" ? r.trimStart().startsWith("{") : isRecord(r);
}

/**
 * The configuration items of a Config file. A malformed item is an InputError at its position: a file of
 * this shape is Config's output, so a bad item means a damaged or hand-edited file, not an unknown one.
 */
export function configFileItems(data: unknown, text: string, file: string): ConfigItem[] {
  const kind = configFileKind(data);
  if (!kind || !isRecord(data)) return [];
  const key = kind === "AWS Config snapshot" ? "configurationItems" : "Results";
  const list = data[key] as unknown[];
  const items: ConfigItem[] = [];
  list.forEach((raw, i) => {
    const item = parseConfigItem(raw);
    if ("error" in item)
      throw shapeError(
        text,
        file,
        [key, i],
        `${key}[${i}] ${item.error}.`,
        kind === "AWS Config snapshot"
          ? "Use the file as AWS Config delivered it, or fix that item."
          : "Query with SELECT resourceId, resourceName, resourceType, arn, accountId, awsRegion, configuration, tags, relationships … (see docs/import.md).",
      );
    items.push(item);
  });
  return latestPerResource(items);
}

/** A history file has one item per change: keep each resource's latest. */
function latestPerResource(items: ConfigItem[]): ConfigItem[] {
  const byKey = new Map<string, ConfigItem>();
  for (const item of items) {
    const k = `${item.accountId}\0${item.awsRegion}\0${item.resourceType}\0${item.resourceId}`;
    const prev = byKey.get(k);
    if (!prev || (item.capturedAt ?? "") >= (prev.capturedAt ?? "")) byKey.set(k, item);
  }
  return [...byKey.values()];
}
