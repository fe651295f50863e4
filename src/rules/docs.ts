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
      ...(m.references.length > 0 ? [`**References.** ${m.references.join(", ")}`, ""] : []),
    );
  }
  return out.join("\n");
}
