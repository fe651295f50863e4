// Regenerates the documents derived from code: docs/iam-policy.json (the collector's declared
// operations), docs/rules.md (the rules' metadata) and schema/architecture.schema.json (the spec's
// zod schema). Tests fail when any of them is stale.

import { specJsonSchema } from "../src/architecture/json-schema.ts";
import { iamPolicyJson } from "../src/collector/iam.ts";
import { writeFileAtomic } from "../src/model/io.ts";
import { rulesMarkdown } from "../src/rules/docs.ts";

await writeFileAtomic(new URL("../docs/iam-policy.json", import.meta.url).pathname, iamPolicyJson());
await writeFileAtomic(new URL("../docs/rules.md", import.meta.url).pathname, rulesMarkdown());
await writeFileAtomic(
  new URL("../schema/architecture.schema.json", import.meta.url).pathname,
  specJsonSchema(),
);
console.log("wrote docs/iam-policy.json, docs/rules.md and schema/architecture.schema.json");
