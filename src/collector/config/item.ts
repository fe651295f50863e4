import { isRecord } from "../shape.ts";

// One AWS Config configuration item, read from whichever of Config's APIs or files it came from.

/** One configuration item, whichever of Config's APIs or files it came from. */
export interface ConfigItem {
  accountId: string;
  awsRegion: string;
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags: Record<string, string>;
  relationships: ConfigRelationship[];
  /** configurationItemStatus: OK, ResourceDiscovered, ResourceDeleted…; "" when the source leaves it out. */
  status: string;
  /** configurationItemCaptureTime as ISO 8601 (Config writes ISO strings; SDK-shaped recordings epoch numbers). */
  capturedAt?: string;
  /** configurationItemVersion ("1.2", "1.3"; `version` in snapshot files), when given. */
  version?: string;
}

export interface ConfigRelationship {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  /** "Is contained in Vpc", "Is associated with SecurityGroup", "Contains Instance"… */
  name: string;
}

/** Statuses of items that describe no current resource. */
export const GONE = new Set(["ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded"]);

/**
 * Reads one configuration item: an advanced-query result (a JSON string, tags as [{key, value}],
 * relationships with relationshipName), a snapshot file's item (awsAccountId, ARN, tags as a map,
 * relationships with name) or an aggregator's. An error message when it is not one.
 */
export function parseConfigItem(raw: unknown): ConfigItem | { error: string } {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch (err) {
      return { error: `is a string that is not JSON (${(err as Error).message})` };
    }
  }
  if (!isRecord(v)) return { error: "is not a configuration item (an object or a JSON string)" };
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof v[k] === "string" && v[k] !== "") return v[k] as string;
    return undefined;
  };
  const resourceType = str("resourceType");
  const resourceId = str("resourceId");
  const accountId = str("accountId", "awsAccountId");
  const awsRegion = str("awsRegion");
  const missing = [
    resourceType ? "" : "resourceType",
    resourceId ? "" : "resourceId",
    accountId ? "" : "accountId",
    awsRegion ? "" : "awsRegion",
  ].filter(Boolean);
  if (!resourceType || !resourceId || !accountId || !awsRegion)
    return {
      error: `has no ${missing.join(", ")} (select at least resourceType, resourceId, accountId and awsRegion)`,
    };
  const resourceName = str("resourceName");
  const arn = str("arn", "ARN");
  const capturedAt = captureTime(v.configurationItemCaptureTime);
  const version = str("configurationItemVersion", "version");
  const configuration = jsonObject(v.configuration);
  if ("error" in configuration) return { error: `has a configuration that ${configuration.error}` };
  const supplementaryConfiguration = jsonObject(v.supplementaryConfiguration);
  if ("error" in supplementaryConfiguration)
    return { error: `has a supplementaryConfiguration that ${supplementaryConfiguration.error}` };
  return {
    accountId,
    awsRegion,
    resourceType,
    resourceId,
    ...(resourceName ? { resourceName } : {}),
    ...(arn ? { arn } : {}),
    configuration: configuration.value,
    supplementaryConfiguration: supplementaryConfiguration.value,
    tags: configTags(v.tags),
    relationships: (Array.isArray(v.relationships) ? v.relationships : []).flatMap((r) => {
      if (!isRecord(r) || typeof r.resourceType !== "string") return [];
      const id = r.resourceId ?? r.resourceName;
      if (typeof id !== "string") return [];
      const name = r.relationshipName ?? r.name;
      return [
        {
          resourceType: r.resourceType,
          resourceId: id,
          ...(typeof r.resourceName === "string" ? { resourceName: r.resourceName } : {}),
          name: typeof name === "string" ? name : "",
        },
      ];
    }),
    status: str("configurationItemStatus") ?? "",
    ...(capturedAt ? { capturedAt } : {}),
    ...(version ? { version } : {}),
  };
}

/** configurationItemCaptureTime: an ISO string (Config's files and queries), or epoch seconds / milliseconds. */
function captureTime(v: unknown): string | undefined {
  const ms =
    typeof v === "number"
      ? Math.abs(v) < 1e11
        ? v * 1000
        : v
      : typeof v === "string" && v !== ""
        ? /^\d+(\.\d+)?$/.test(v)
          ? Number(v) * (Number(v) < 1e11 ? 1000 : 1)
          : Date.parse(v)
        : Number.NaN;
  // Beyond ±8.64e15 ms a number is finite but no date (toISOString throws): a damaged capture time is unknown.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/**
 * Some APIs and files give `configuration` as a JSON string (GetResourceConfigHistory, older snapshot files),
 * others as an object. null or absent (a deleted item) is empty; a string that is not a JSON object is an
 * error: the item was damaged, and reading it as empty would make every setting of the resource unknown
 * without saying so.
 */
function jsonObject(v: unknown): { value: Record<string, unknown> } | { error: string } {
  if (typeof v === "string") {
    if (v.trim() === "" || v.trim() === "null") return { value: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch (err) {
      return { error: `is a string that is not JSON (${(err as Error).message})` };
    }
    return isRecord(parsed) ? { value: parsed } : { error: "is a JSON string that holds no object" };
  }
  return { value: isRecord(v) ? v : {} };
}

/** Tags as a map (snapshot files), or a list of {key, value} / {Key, Value} / {tag: "k=v"} (advanced query). */
export function configTags(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const t of v) {
      if (!isRecord(t)) continue;
      const key = t.key ?? t.Key;
      const value = t.value ?? t.Value;
      if (typeof key === "string") out[key] = typeof value === "string" ? value : "";
      else if (typeof t.tag === "string") {
        const eq = t.tag.indexOf("=");
        if (eq > 0) out[t.tag.slice(0, eq)] = t.tag.slice(eq + 1);
      }
    }
  } else if (isRecord(v)) {
    for (const [k, value] of Object.entries(v))
      out[k] = typeof value === "string" ? value : String(value ?? "");
  }
  return out;
}

/** Config's type names where they differ from the model's (CloudFormation's). */
export const TYPE_NAMES: Record<string, string> = {
  "AWS::ACM::Certificate": "AWS::CertificateManager::Certificate",
};

/** The model's type for a Config resource type. */
export function modelType(configType: string): string {
  return TYPE_NAMES[configType] ?? configType;
}
