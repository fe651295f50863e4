import { RULES } from "./index.ts";
import type { RuleMeta } from "./types.ts";

/** docs/rules.md, generated from each rule's metadata so the documentation cannot drift from the code. */
export function rulesMarkdown(rules: readonly { meta: RuleMeta }[] = RULES): string {
  const metas = rules.map((r) => r.meta);
  const out: string[] = [
    "# Rules",
    "",
    "Generated from the rules' metadata by `npm run docs`; do not edit by hand.",
    "",
    "Two packs: **baseline** rules need no spec; **spec** rules check conformance to `architecture.yaml` and run only with `--spec`.",
    "",
    "Every check ends as **passed**, **failed** (a finding, with evidence from the data) or **unverified** (the data it needs was not recorded: a service not scanned or denied, a file missing from a dump, a field an old AWS Config item lacks). Unverified checks are listed apart (`unverified` in the JSON report, a section of the text and Markdown reports, SARIF tool execution notifications, JUnit skipped cases); they never pass a gate silently (`check --require-full-coverage` fails on those at or above `--fail-on`). Each rule below names the data it **needs**.",
    "",
    "**Stale data.** A finding on a resource whose data its source marked stale or half torn down (the snapshot's `notes`: an AWS Config item a newer one contradicted, one related to a resource recorded as deleted; docs/snapshot.md) ends its evidence with `data note: …`.",
    "",
    "**One problem, one finding.** Rules that report the same **problem** (exposure, waf, tls, encryption, availability, open-ports) on one resource, such as `rds-publicly-accessible` and `flow-undocumented` on a database open to the internet, or `alb-without-waf` and `tier-waf-missing` on one load balancer, give one finding in the text, Markdown, HTML and JSON reports: the strictest first, the others under it as `related`, each with its own rule id and fingerprint (baselines and waivers match either). SARIF and JUnit keep every rule's finding apart, so each rule id stays addressable in code scanning and test dashboards.",
    "A spec can turn a rule off or change its severity (`rules: { <id>: off }`, `rules: { <id>: { severity: high } }`) and waive findings (`waivers:`).",
    "",
    "| id | pack | severity | title | references |",
    "|---|---|---|---|---|",
    ...metas.map(
      (m) =>
        `| [\`${m.id}\`](#${m.id}) | ${m.pack} | ${m.severity} | ${m.title} | ${m.references.join(", ") || "—"} |`,
    ),
    "",
  ];
  for (const m of metas) {
    out.push(
      `## ${m.id}`,
      "",
      `**${m.title}** · ${m.pack} · default severity ${m.severity} · applies to ${m.resourceTypes.map((t) => `\`${t}\``).join(", ")}`,
      "",
      `**What.** ${m.what}`,
      "",
      `**Why.** ${m.why}`,
      "",
      `**Fix.** ${m.fix}`,
      "",
      ...(m.needs.length > 0 ? [`**Needs.** ${m.needs.map((n) => `\`${n}\``).join(", ")}`, ""] : []),
      ...(m.problem
        ? [`**Problem.** ${m.problem} (grouped with the other rules of this problem on one resource)`, ""]
        : []),
      ...(m.references.length > 0 ? [`**References.** ${m.references.join(", ")}`, ""] : []),
    );
  }
  return out.join("\n");
}
