import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { InputError } from "../../model/errors.ts";
import { jsonErrorOffset, locatePath, positionOf } from "../../model/locate.ts";

// Reading the files of an import: plain or gzip-compressed JSON. Every failure is an InputError naming
// the file (and the line, for JSON), so a bad file stops the import with one paragraph and exit code 2
// before anything is written.

/**
 * The text of a file, gunzipped when it is gzip (by its magic bytes, whatever its name). Read synchronously:
 * the files are read one after another anyway, and each asynchronous read is four trips to the thread pool
 * (open, stat, read, close), which left a 50-file dump's import waiting about 20 ms.
 */
export async function readImportText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? "no such file or folder." : `cannot read the file (${code ?? String(err)}).`,
      { file },
      "Pass an AWS CLI dump folder, an AWS Config snapshot file or the output of aws configservice select-resource-config.",
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      const message = (err as Error).message;
      throw new InputError(
        /unexpected end/i.test(message)
          ? "the gzip file is truncated (an interrupted download or copy)."
          : `the gzip file is damaged (${message}).`,
        { file },
        "Download or copy the file again (aws s3 cp s3://…/…json.gz .), then re-run asbuilt import.",
      );
    }
  }
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

/** Parses JSON text; `what` says what the file was taken for ("the AWS CLI output of ec2 describe-vpcs"). */
export function parseImportJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (text.trim() === "")
      throw new InputError(
        `the file is empty; it was read as ${what}.`,
        { file },
        "Re-create the file (re-run the command that wrote it) or delete it, then re-run asbuilt import.",
      );
    const { offset, atEnd } = jsonErrorOffset(text);
    const pos = positionOf(text, offset);
    if (atEnd)
      throw new InputError(
        `the file ends in the middle of its JSON: it is truncated (an interrupted command, copy or download); it was read as ${what}.`,
        { file, ...pos },
        "Re-run the command that wrote it (or copy it again), or delete the file, then re-run asbuilt import.",
      );
    const reason = (err as Error).message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    throw new InputError(
      `the file is not valid JSON (${reason}); it was read as ${what}.`,
      { file, ...pos },
      "Fix the JSON at that position or re-create the file, then re-run asbuilt import.",
    );
  }
}

/** An InputError pointing at a JSON path inside a file that parsed. */
export function shapeError(
  text: string,
  file: string,
  path: (string | number)[],
  message: string,
  fix: string,
): InputError {
  const pos = locatePath(text, path);
  return new InputError(message, { file, ...pos }, fix);
}
