import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Where asbuilt's own files are (package.json, schema/, web/dist/, fixtures/): the folder of its package.json,
// found from this module, so that the same code works from the sources (src/…) and from the compiled
// bundle (dist/…), in a checkout or in an npm install.

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "asbuilt"
    ) {
      root = dir;
      return dir;
    }
    if (dirname(dir) === dir) throw new Error("asbuilt's package.json was not found above its code");
  }
}

/** A file of the package, by its path from the package's root. */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
