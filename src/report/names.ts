// The report formats by name, apart from their formatters: `asbuilt --help` lists them without loading a
// formatter (and with it the rules and the model).

export const FORMAT_NAMES = ["text", "json", "sarif", "junit", "markdown", "codequality"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** File names when several formats are written to a directory. */
export const FILE_NAMES: Record<FormatName, string> = {
  text: "findings.txt",
  json: "findings.json",
  sarif: "findings.sarif",
  junit: "findings.junit.xml",
  markdown: "findings.md",
  codequality: "findings.codequality.json",
};
