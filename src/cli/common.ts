import { readFileSync } from "node:fs";

export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Exit codes, as documented in `asbuilt --help` and the README. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;
