import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Temporary folders a test file makes are removed when that file's tests end (the hook registers on
// the importing file), so `npm test` leaves nothing behind in the temp dir.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the temp dir, removed after the test file. */
export function tempDir(prefix = "asbuilt-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
