import { matchesResourcePattern } from "../../architecture/select.ts";
import { defineRule, type RuleResult, unverified } from "../types.ts";
import { specSubject } from "../util.ts";

export default defineRule({
  meta: {
    id: "waiver-unused",
    title: "Waiver matches no resource",
    severity: "low",
    pack: "spec",
    resourceTypes: ["asbuilt::Spec::Waiver"],
    what: "An unexpired waiver in architecture.yaml whose `resource` pattern matches no resource in the snapshot. Unverified, not reported, when the snapshot has coverage gaps, since the resource may be in what was not read.",
    why: "A waiver that matches nothing is either left over from something already removed, or has a typo in its pattern: then the finding it was written for is not waived, and the next resource that happens to match is waived without anyone deciding so.",
    fix: "Delete the waiver if what it covered is gone, or correct its `resource` pattern (tag:Key=Value, name:glob, type:AWS::…, an ARN glob).",
    references: [],
    needs: ["coverage"],
  },
  check(ctx) {
    const spec = ctx.spec;
    if (!spec) return [];
    // Unknown is never false: with part of the scope unread, "matches nothing" cannot be known.
    const gaps = ctx.graph.snapshot.coverage
      .filter((c) => c.status !== "scanned")
      .map((c) => `${c.service} in ${c.account} ${c.region}: ${c.status}${c.error ? ` (${c.error})` : ""}`);
    const today = ctx.now.toISOString().slice(0, 10);
    const out: RuleResult[] = [];
    spec.spec.waivers.list.forEach((w, i) => {
      // Expired waivers are waiver-expired's; findings about the spec itself have no resource in the snapshot.
      if (w.expires < today || w.resource.startsWith("asbuilt:")) return;
      if (ctx.graph.resources.some((r) => matchesResourcePattern(r, w.resource))) return;
      const subject = specSubject(ctx, "Waiver", `${w.rule} ${w.resource}`);
      if (gaps.length > 0) {
        out.push(
          unverified(
            subject,
            [
              `the resource may be in what was not read: ${gaps.slice(0, 3).join("; ")}${gaps.length > 3 ? `; and ${gaps.length - 3} more` : ""}`,
            ],
            {
              key: String(i),
              specLine: spec.waiverLine(i),
            },
          ),
        );
        return;
      }
      out.push({
        resource: subject,
        key: String(i),
        message: `The waiver of ${w.rule} for ${w.resource} matches no resource in the snapshot.`,
        evidence: [`reason given: ${w.reason}`, `${ctx.graph.size} resources checked`],
        specLine: spec.waiverLine(i),
      });
    });
    return out;
  },
});
