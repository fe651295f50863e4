import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CALLER_OPERATIONS, DISCOVERY_OPERATIONS } from "./accounts.ts";
import { CONFIG_OPERATIONS } from "./config/scan.ts";
import { iamPolicy, iamPolicyJson, READ_ONLY_ACTION } from "./iam.ts";
import { SERVICES } from "./services.ts";

const DIR = import.meta.dirname;
const ROOT = join(DIR, "../..");

/** Commands a source file can send: `new XCommand(` and `paginateX(` (paginators send XCommand). */
function commandsIn(file: string): string[] {
  const text = readFileSync(join(DIR, file), "utf8");
  const found = new Set<string>();
  for (const m of text.matchAll(/new (\w+)Command\(/g)) if (m[1]) found.add(m[1]);
  for (const m of text.matchAll(/\bpaginate(\w+)\(/g)) if (m[1]) found.add(m[1]);
  return [...found];
}

describe("least privilege", () => {
  it("docs/iam-policy.json is the policy generated from the modules (run `npm run docs` when this fails)", () => {
    expect(readFileSync(join(ROOT, "docs/iam-policy.json"), "utf8")).toBe(iamPolicyJson());
  });

  it("every action in the policy is read-only (List/Describe/Get/Select)", () => {
    const actions = iamPolicy().Statement.flatMap((s) => s.Action);
    expect(actions.length).toBeGreaterThan(10);
    for (const a of actions) expect(a).toMatch(READ_ONLY_ACTION);
  });

  it("every command a collector source file can send is declared by that module (or by account discovery)", () => {
    const sources = readdirSync(DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const byFile = new Map<string, Set<string>>(
      SERVICES.map((s) => [`${s.service}.ts`, new Set(s.operations.map((o) => o.command))]),
    );
    // The AWS Config source is not a service module (it replaces them all); it declares its own.
    byFile.set("config.ts", new Set(CONFIG_OPERATIONS.map((o) => o.command)));
    const discovery = new Set([...DISCOVERY_OPERATIONS, ...CALLER_OPERATIONS].map((o) => o.command));
    const undeclared: string[] = [];
    for (const file of sources) {
      const declared = byFile.get(file) ?? discovery;
      for (const c of commandsIn(file)) if (!declared.has(c)) undeclared.push(`${file}: ${c}`);
    }
    expect(undeclared).toEqual([]);
  });

  it("each declared operation maps to an IAM action of its own service", () => {
    for (const s of SERVICES)
      for (const o of s.operations) expect(o.iam.length, `${s.service}:${o.command}`).toBeGreaterThan(0);
    // The one non-read call, AssumeRole, is the caller's, not the scanned account's: it stays out of the policy.
    expect(iamPolicy().Statement[0]?.Action).not.toContain("sts:AssumeRole");
  });
});
