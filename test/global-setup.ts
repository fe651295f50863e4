import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildBundle } from "../scripts/build.mjs";

/**
 * Vitest global setup: the CLI's bundle is built from the sources under test, and every test process (and the CLI processes tests start) gets one temp dir for
 * the run, removed at its end, so a test that forgets to clean up, or dies before it can, still leaves
 * nothing in the machine's temp dir.
 */
export async function setup(): Promise<() => void> {
  // The CLI tests run bin/asbuilt.js, which runs the compiled bundle: build it from these sources first.
  await buildBundle();
  return tempRunDir();
}

/** One temp dir for the run, as TMPDIR; the returned function removes it and restores TMPDIR. */
export function tempRunDir(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "asbuilt-test-run-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
