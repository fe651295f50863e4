import type { FormatName } from "./names.ts";
import type { Formatter } from "./types.ts";

// The formatters by name, each loaded when it is asked for: `check --format json` should not pay for the
// JUnit writer (an XML builder and lodash) or the SARIF one. The library's FORMATTERS (./index.ts) holds
// them all at once for scripts that want a plain record.
const LOADERS: Record<FormatName, () => Promise<Formatter>> = {
  text: async () => (await import("./text.ts")).formatText,
  json: async () => (await import("./json.ts")).formatJson,
  sarif: async () => (await import("./sarif.ts")).formatSarif,
  junit: async () => (await import("./junit.ts")).formatJunit,
  markdown: async () => (await import("./markdown.ts")).formatMarkdown,
  codequality: async () => (await import("./codequality.ts")).formatCodeQuality,
};

/** The formatters of `names`, loaded in parallel. */
export async function loadFormatters(names: readonly FormatName[]): Promise<Record<FormatName, Formatter>> {
  const loaded = await Promise.all(names.map(async (n) => [n, await LOADERS[n]()] as const));
  return Object.fromEntries(loaded) as Record<FormatName, Formatter>;
}
