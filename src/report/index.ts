import { formatCodeQuality } from "./codequality.ts";
import { formatJson } from "./json.ts";
import { formatJunit } from "./junit.ts";
import { formatMarkdown } from "./markdown.ts";
import type { FormatName } from "./names.ts";
import { formatSarif } from "./sarif.ts";
import { formatText } from "./text.ts";
import type { Formatter } from "./types.ts";

export { FILE_NAMES, FORMAT_NAMES, type FormatName } from "./names.ts";

/** Output formats by name. */
export const FORMATTERS: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  codequality: formatCodeQuality,
};
