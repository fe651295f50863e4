/**
 * A mistake in the user's input (a file, a flag, an AWS error the user can fix): reported as one
 * paragraph naming where and how to fix it, with exit code 2, never as a stack trace.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    readonly where?: { file: string; line?: number; column?: number },
    readonly fix?: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }

  /** `file:line:column: message` then the details, then how to fix it. */
  format(): string {
    const w = this.where;
    const at = w ? `${w.file}${w.line ? `:${w.line}${w.column ? `:${w.column}` : ""}` : ""}: ` : "";
    const lines = [`${at}${this.message}`, ...this.details.map((d) => `  ${d}`)];
    if (this.fix) lines.push(this.fix);
    return lines.join("\n");
  }
}

/**
 * Reads a user-named input file; a missing file, a directory or unreadable file is an InputError that
 * says what the file was meant to be (`what`: "snapshot", "spec", "baseline") and how to fix it.
 */
export async function readInputFile(file: string, what: string, fix: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? `no such ${what} file.`
        : code === "EISDIR"
          ? `is a directory, not a ${what} file.`
          : `cannot read the ${what} (${code ?? String(err)}).`;
    throw new InputError(message, { file }, fix);
  }
}
