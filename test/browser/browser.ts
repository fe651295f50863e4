import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

// Browser tests drive Debian's Chromium (scripts/ensure-chromium.sh installs it; `npm test` runs that
// first). Nothing here downloads a browser.

export const CHROMIUM = "/usr/lib/chromium/chromium";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ARTIFACTS = join(ROOT, "test", "artifacts");

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Run \`bash scripts/ensure-chromium.sh\` (npm test runs it as pretest).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/dist with Vite when it is missing or older than the sources it is built from. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(ROOT, "web", "dist", "index.html");
  const sources = Math.max(
    newest(join(ROOT, "web", "src")),
    newest(join(ROOT, "src")),
    statSync(join(ROOT, "web", "index.html")).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "web", "vite.config.ts"), logLevel: "warn", mode: "production" });
}
