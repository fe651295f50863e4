import { formatJson } from "./json.ts";
import { formatJunit } from "./junit.ts";
import { formatMarkdown } from "./markdown.ts";
import { formatSarif } from "./sarif.ts";
import { formatText } from "./text.ts";
import type { Formatter } from "./types.ts";

/** Output formats by name. */
export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
} satisfies Record<string, Formatter>;

/** File names when several formats are written to a directory. */
export const FILE_NAMES: Record<keyof typeof FORMATTERS, string> = {
  text: "findings.txt",
  json: "findings.json",
  sarif: "findings.sarif",
  junit: "findings.junit.xml",
  markdown: "findings.md",
};

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
