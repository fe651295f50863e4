import { readFileSync } from "node:fs";
import type { Coverage } from "../model/snapshot.ts";
import { terminalSafe } from "../report/escape.ts";

export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Exit codes, as documented in `asbuilt --help` and the README. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

/** One coverage gap as the CLI lists it (scan, import, check --require-full-coverage); AWS's error text made terminal-safe. */
export function gapLine(g: Coverage): string {
  return `  ${g.account} ${g.region} ${g.service}: ${g.status}${g.error ? ` (${terminalSafe(g.error)})` : ""}`;
}
