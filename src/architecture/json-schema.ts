import * as z from "zod/mini";
import { Spec } from "./schema.ts";

/**
 * schema/architecture.schema.json, generated from the zod schema so editors (VS Code with the YAML
 * extension: `# yaml-language-server: $schema=…`) autocomplete and check architecture.yaml. The input
 * side is used: keys with defaults are optional to write.
 */
export function specJsonSchema(): string {
  const schema = z.toJSONSchema(Spec, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, $id: "https://asbuilt.dev/schema/architecture.schema.json", title: "asbuilt architecture spec (architecture.yaml)" }, null, 2)}\n`;
}
