import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web UI: built into web/dist, served by `asbuilt serve`. Relative asset paths, so the UI works
// under any base URL; the worker is an ES module.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic" } },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
