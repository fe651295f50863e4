import { type Snapshot } from "./snapshot.ts";

interface Problem {
  path: PropertyKey[];
  message: string;
}
/** Validates parsed JSON as a snapshot: every problem with its JSON path, or the typed snapshot. */
export declare function validateSnapshot(data: unknown):
  | {
      ok: true;
      snapshot: Snapshot;
    }
  | {
      ok: false;
      problems: Problem[];
    };
/** Parses and validates snapshot JSON text; `file` names it in errors. */
export declare function parseSnapshot(text: string, file: string): Snapshot;
export declare function loadSnapshot(file: string): Promise<Snapshot>;
/**
 * Canonical JSON for a snapshot: resources by id, edges by (from, to, kind), coverage by
 * (account, region, service), tags by key, two-space indent, trailing newline. Same input, same bytes.
 */
export declare function serializeSnapshot(snapshot: Snapshot): string;
export declare function cmp(a: string, b: string): number;
/** Fails with an InputError unless `file` can be written as a file: its folder exists and it is not a folder. */
export declare function checkOutputFile(file: string, nameInFolder?: string): Promise<void>;
/**
 * Fails with an InputError unless `dir` is, or can be created as, a folder to write several files into:
 * an existing folder, or a new one whose parent exists. `purpose` says what needs it ("3 formats").
 */
export declare function checkOutputDir(dir: string, purpose: string): Promise<void>;
/** Writes files (names relative to `dir`) into a folder, creating the folder itself if it is new; all or none. */
export declare function writeFilesInto(
  dir: string,
  files: readonly {
    name: string;
    content: string;
  }[],
  purpose: string,
): Promise<void>;
/** A failed write as the user's mistake (or their machine's state), naming the path they gave, never the temp file. */
export declare function outputError(err: unknown, file: string): Error;
/** Writes a file atomically (temp file + rename), so a failed run never leaves half a file. */
export declare function writeFileAtomic(file: string, content: string): Promise<void>;
/**
 * Writes several files, each atomically (temp file + rename), and all of them only once every one has
 * been written in full beside its target: a failure leaves none of the new files and no temp file.
 */
export declare function writeFilesAtomic(
  files: readonly {
    file: string;
    content: string;
  }[],
): Promise<void>;
export declare function saveSnapshot(file: string, snapshot: Snapshot): Promise<void>;
