import { formatJson } from "./json.ts";
import { formatText } from "./text.ts";
import type { Formatter } from "./types.ts";

/** Output formats by name. */
export const FORMATTERS = {
  text: formatText,
  json: formatJson,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
