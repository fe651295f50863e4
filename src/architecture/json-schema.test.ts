import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specJsonSchema } from "./json-schema.ts";

describe("schema/architecture.schema.json", () => {
  it("is the schema generated from src/architecture/schema.ts (run `npm run docs` when this fails)", () => {
    expect(readFileSync(join(import.meta.dirname, "../../schema/architecture.schema.json"), "utf8")).toBe(
      specJsonSchema(),
    );
  });

  it("describes tiers, flows and waivers with their allowed values", () => {
    const s = JSON.parse(specJsonSchema());
    expect(s.required).toEqual(["name"]);
    expect(s.additionalProperties).toBe(false);
    const tier = s.properties.tiers.additionalProperties;
    expect(tier.properties.placement.enum).toEqual(["public", "private", "isolated", "any"]);
    // waivers: the list itself, or { maxDays, list }.
    const [list, capped] = s.properties.waivers.anyOf;
    expect(list.items.properties.reason.minLength).toBe(10);
    expect(list.items.properties.expires.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
    expect(capped.properties.maxDays.minimum).toBe(1);
    expect(capped.properties.list.items.required).toEqual(["rule", "resource", "reason", "expires"]);
  });
});
