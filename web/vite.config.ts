import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web UI: built into web/dist, served by `asbuilt serve`. Relative asset paths, so the UI works
// under any base URL; the worker is an ES module.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", development: false } },
  worker: { format: "es" },
  // Always React's production build: a build started from vitest (NODE_ENV=test) would otherwise bundle
  // React's development build, several times slower and with StrictMode's double effects.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
