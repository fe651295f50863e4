// Regenerates the documents that are derived from code: docs/iam-policy.json (from the collector's
// declared operations) and docs/rules.md (from the rules' metadata). Tests fail when they are stale.

import { iamPolicyJson } from "../src/collector/iam.ts";
import { writeFileAtomic } from "../src/model/io.ts";
import { rulesMarkdown } from "../src/rules/docs.ts";

await writeFileAtomic(new URL("../docs/iam-policy.json", import.meta.url).pathname, iamPolicyJson());
await writeFileAtomic(new URL("../docs/rules.md", import.meta.url).pathname, rulesMarkdown());
console.log("wrote docs/iam-policy.json and docs/rules.md");
