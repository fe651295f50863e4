#!/usr/bin/env node
// Runs a TypeScript script of the repo (fixtures/build.ts, bench/…) with tsx: `node bin/run-ts.js file.ts args…`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error("usage: node bin/run-ts.js <script.ts> [args…]");
  process.exit(2);
}
process.argv = [process.argv[0] ?? "node", resolve(script), ...rest];
register();
await import(pathToFileURL(resolve(script)).href);
