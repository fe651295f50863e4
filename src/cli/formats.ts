import { join } from "node:path";
import { InputError } from "../model/errors.ts";
import { checkOutputDir, checkOutputFile, writeFileAtomic, writeFilesInto } from "../model/io.ts";

// What check, diff and exposure share about --format and -o: a comma-separated list of formats (any case),
// and the one rule for where they go, checked before any work so that a mistyped path fails at once.

/** `--format a,b` read against the formats a command writes; `example` shows several at once. */
export function parseFormatList<F extends string>(text: string, allowed: readonly F[], example: string): F[] {
  const names = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.filter((n) => !(allowed as readonly string[]).includes(n));
  if (names.length === 0 || bad.length > 0)
    throw new InputError(
      `unknown format${bad.length > 1 ? "s" : ""} ${bad.map((b) => `"${b}"`).join(", ") || '""'} in --format.`,
      undefined,
      `Choose from ${allowed.join(", ")}; several at once with commas (${example}).`,
    );
  return [...new Set(names)] as F[];
}

/**
 * One format goes to the file -o names (or standard output), several to the folder it names: the folder
 * is required, and the place is checked (writable, of the right kind, its parent there) before any work.
 */
export async function checkOutputFor<F extends string>(
  formats: readonly F[],
  output: string | undefined,
  fileNames: Readonly<Record<F, string>>,
): Promise<void> {
  if (formats.length > 1 && !output)
    throw new InputError(
      `${formats.length} formats need an output directory.`,
      undefined,
      `Add -o DIR: asbuilt writes ${formats.map((f) => fileNames[f]).join(", ")} there.`,
    );
  const first = formats[0];
  if (output && formats.length === 1 && first !== undefined) await checkOutputFile(output, fileNames[first]);
  else if (output) await checkOutputDir(output, `${formats.length} formats`);
}

/**
 * Writes each format where checkOutputFor checked it would go: one format to the file -o names, several to
 * their own files in the folder it names (atomically, nothing half-written). Returns the paths written.
 */
export async function writeFormats<F extends string>(
  formats: readonly F[],
  output: string,
  fileNames: Readonly<Record<F, string>>,
  render: (format: F) => string,
): Promise<string[]> {
  const first = formats[0];
  if (formats.length === 1 && first !== undefined) {
    await writeFileAtomic(output, render(first));
    return [output];
  }
  await writeFilesInto(
    output,
    formats.map((f) => ({ name: fileNames[f], content: render(f) })),
    `${formats.length} formats`,
  );
  return formats.map((f) => join(output, fileNames[f]));
}
