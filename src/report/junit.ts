import type { Builder } from "junit-report-builder";
import junitModule from "junit-report-builder";
import { SEVERITY_ORDER } from "../architecture/schema.ts";
import type { ReportInput } from "./types.ts";

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per rule × resource it found.
 * A finding at or above --fail-on fails its case; below it the case passes with the finding in its
 * output; a waived finding is skipped, and so is a check the data could not decide (unverified). A rule
 * that found nothing and left nothing unverified is one passing case.
 */
// The package is CommonJS: under Node's ESM interop its default import is the builder itself,
// while its type declarations describe an ES-module default. Trust the runtime.
const junit = junitModule as unknown as Builder;

/**
 * The XML library wraps output in CDATA but escapes only the first "]]>" and throws on characters XML
 * cannot hold, so untrusted text is made safe before it gets there.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML 1.0 forbids is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN, "\ufffd").replaceAll("]]>", "]] >");
}

export function formatJunit(input: ReportInput): string {
  const builder = junit.newBuilder().name("asbuilt");
  const byRule = new Map<string, typeof input.findings>();
  for (const f of input.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const vague = new Map<string, typeof input.unverified>();
  for (const u of input.unverified) vague.set(u.ruleId, [...(vague.get(u.ruleId) ?? []), u]);
  const ruleIds = [...new Set([...input.rules.keys(), ...byRule.keys()])];
  for (const id of ruleIds) {
    const suite = builder.testSuite().name(id);
    const findings = byRule.get(id) ?? [];
    const meta = input.rules.get(id);
    for (const u of vague.get(id) ?? [])
      suite
        .testCase()
        .className(`asbuilt.${id}`)
        .name(xmlSafe(`${id}: ${u.resourceName ?? u.resourceId} (unverified)`))
        .skipped()
        .standardOutput(xmlSafe(`unverified: ${u.missing.join("\n")}\n${u.resourceId}`));
    if (findings.length === 0) {
      if (!vague.has(id)) suite.testCase().className(`asbuilt.${id}`).name(`${id}: no findings`);
      continue;
    }
    for (const f of findings) {
      const c = suite
        .testCase()
        .className(`asbuilt.${id}`)
        .name(xmlSafe(`${id}: ${f.resourceName ?? f.resourceId}`));
      const detail = xmlSafe(
        [
          `${f.severity}: ${f.message}`,
          f.resourceId,
          ...f.evidence.map((e) => `- ${e}`),
          ...(meta ? [`fix: ${meta.fix}`] : []),
        ].join("\n"),
      );
      if (f.waived)
        c.skipped().standardOutput(
          `${xmlSafe(`waived until ${f.waived.expires}: ${f.waived.reason}`)}\n${detail}`,
        );
      else if (input.failOn !== "none" && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[input.failOn])
        c.failure(xmlSafe(f.message), f.severity).standardOutput(detail);
      else
        c.standardOutput(
          `${input.failOn === "none" ? "report only (--fail-on none)" : `below --fail-on ${input.failOn}`}\n${detail}`,
        );
    }
  }
  return `${builder.build()}\n`;
}
