import type { Log, ReportingDescriptor, Result } from "sarif";
import type { Severity } from "../architecture/schema.ts";
import type { Finding } from "../rules/finding.ts";
import type { ReportInput } from "./types.ts";

const LEVEL: Record<Severity, Result.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};
/** GitHub code scanning ranks alerts by this number. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "7.5",
  medium: "5.0",
  low: "3.0",
};

/**
 * SARIF 2.1.0: every rule once in tool.driver.rules (with its help), results pointing at them by
 * ruleIndex, resources as logical locations (their ARNs), findings about the spec also at their line
 * in the spec file, waived findings as accepted suppressions with their justification, rules that
 * failed to run as tool configuration notifications, and checks that could not be decided for lack of
 * data (unverified) as tool execution notifications.
 */
export function formatSarif(input: ReportInput): string {
  const rules = [...input.rules.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.what },
    help: {
      text: `${r.why}\n\nFix: ${r.fix}`,
      markdown: `${r.why}\n\n**Fix.** ${r.fix}${r.references.length ? `\n\nReferences: ${r.references.join(", ")}` : ""}`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ["security", r.pack, ...r.references],
      "security-severity": SECURITY_SEVERITY[r.severity],
      precision: "high",
    },
  }));
  const errors = input.findings.filter((f) => f.pack === "engine");
  const results: Result[] = input.findings
    .filter((f) => f.pack !== "engine")
    .map((f) => result(f, index, input.specFile));
  const log: Log = {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "asbuilt",
            version: input.version,
            informationUri: "https://github.com/asbuilt/asbuilt",
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolConfigurationNotifications: errors.map((e) => ({
              level: "error",
              message: { text: e.message },
              descriptor: { id: e.resourceId.replace(/^asbuilt:rule\//, "") },
            })),
            // Checks no data decided: neither results (nothing failed) nor silence (nothing passed).
            toolExecutionNotifications: input.unverified.map((u) => ({
              level: "warning",
              message: { text: `Unverified: ${u.missing.join("; ")}` },
              descriptor: { id: u.ruleId, ...(index.has(u.ruleId) ? { index: index.get(u.ruleId) } : {}) },
              locations: [
                {
                  logicalLocations: [
                    {
                      fullyQualifiedName: u.resourceId,
                      name: u.resourceName ?? u.resourceId,
                      kind: "resource",
                    },
                  ],
                },
              ],
              properties: {
                severity: u.severity,
                fingerprint: u.fingerprint,
                account: u.account,
                region: u.region,
              },
            })),
          },
        ],
        ...(input.specFile ? { artifacts: [{ location: { uri: toUri(input.specFile) } }] } : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: Finding, index: Map<string, number>, specFile: string | undefined): Result {
  return {
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        logicalLocations: [
          { fullyQualifiedName: f.resourceId, name: f.resourceName ?? f.resourceId, kind: "resource" },
        ],
        ...(f.specLine !== undefined && specFile
          ? {
              physicalLocation: {
                artifactLocation: { uri: toUri(specFile), index: 0 },
                region: { startLine: f.specLine },
              },
            }
          : {}),
      },
    ],
    partialFingerprints: { "asbuiltFinding/v1": f.fingerprint },
    properties: {
      severity: f.severity,
      resourceType: f.resourceType,
      account: f.account,
      region: f.region,
      evidence: f.evidence,
    },
    ...(f.waived
      ? {
          suppressions: [
            {
              kind: "external",
              status: "accepted",
              justification: `${f.waived.reason} (waived until ${f.waived.expires})`,
              ...(f.waived.specLine !== undefined && specFile
                ? {
                    location: {
                      physicalLocation: {
                        artifactLocation: { uri: toUri(specFile) },
                        region: { startLine: f.waived.specLine },
                      },
                    },
                  }
                : {}),
            },
          ],
        }
      : {}),
  };
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}
