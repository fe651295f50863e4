// `npm run build`: the CLI and the library as JavaScript in dist/, so that asbuilt runs without a TypeScript
// loader. esbuild bundles each entry with the code it uses, its dependencies' included, and splits what
// commands share into chunks, so `asbuilt --version` loads commander and little else, and `check` never
// loads the AWS SDK, React or elkjs. Bundling the dependencies is for start-up: Node then reads a few
// chunks instead of resolving and loading hundreds of files from node_modules; the packages' ES module
// builds are preferred (mainFields), so that esbuild keeps only the parts used (the AWS SDK's shape schemas
// of the operations asbuilt calls, not every client's). Each chunk is then turned into CommonJS, for the
// compile cache (below). tsc writes the library's type declarations to dist/types/.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/**
 * The AWS SDK's shape schemas (one module per client, all its operations': EC2's is 1 MB) write their
 * member traits with computed keys, `{ [_xN]: _vI }`, the key a module constant. esbuild must then keep
 * every schema, used or not (a computed key may call a toString), so an import of `DescribeVpcs$` kept all
 * of EC2's: 2.5 MB of the 3.6 MB the SDK put in the bundle. The keys written as the literals they are let
 * esbuild drop what no operation asbuilt calls reaches.
 */
const sdkSchemaKeys = {
  name: "sdk-schema-keys",
  setup(b) {
    b.onLoad(
      { filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ },
      (args) => {
        const text = readFileSync(args.path, "utf8");
        const consts = new Map();
        for (const m of text.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)) consts.set(m[1], m[2]);
        const contents = text.replace(/\[(_\w+)\]:/g, (whole, name) =>
          consts.has(name) ? `${consts.get(name)}:` : whole,
        );
        return { contents, loader: "js" };
      },
    );
  },
};

/** The JavaScript bundle (about a second); the test run's global setup builds it too, so tests run it. */
export async function buildBundle() {
  mkdirSync(dist, { recursive: true });
  for (const f of readdirSync(dist, { withFileTypes: true }).filter((e) => /\.c?js(\.map)?$/.test(e.name)))
    rmSync(join(dist, f.name), { force: true });
  rmSync(join(dist, "chunks"), { recursive: true, force: true });
  const esm = await build({
    absWorkingDir: root,
    entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: ["module", "main"],
    jsx: "automatic",
    // Inline here, so that the CommonJS step below maps through to the original lines.
    sourcemap: "inline",
    sourcesContent: false,
    chunkNames: "chunks/[name]-[hash]",
    // React's production build: the report renders the diagram with it.
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    legalComments: "none",
    plugins: [sdkSchemaKeys],
    write: false,
  });
  // esbuild splits only ES modules, and Node 20 caches compiled code only for scripts (vm.Script's
  // cachedData; module.enableCompileCache is Node 22's): each chunk becomes a CommonJS file, its imports
  // require() calls, its dynamic imports lazy require() calls, so the compile cache (bin/compile-cache.js)
  // can skip compiling what the last run compiled. The library's ES module entry re-exports dist/index.cjs.
  const outputs = new Set(esm.outputFiles.map((o) => o.path));
  const id = createHash("sha1");
  for (const out of esm.outputFiles.filter((o) => o.path.endsWith(".js"))) {
    const t = await transform(out.text, {
      format: "cjs",
      platform: "node",
      target: "node20",
      loader: "js",
      sourcefile: out.path,
      sourcemap: "external",
      // Maps name the original lines for stack traces; the sources themselves would triple the package.
      sourcesContent: false,
      supported: { "dynamic-import": false },
      define: { "import.meta.url": "__asbuiltUrl" },
      banner: 'const __asbuiltUrl = require("node:url").pathToFileURL(__filename).href;',
      legalComments: "none",
      // The first step warned about our code already; what is left is the dependencies' (elkjs, xmldom).
      logLevel: "error",
    });
    const code = t.code.replace(/require\("(\.\.?\/[^"]+)\.js"\)/g, (whole, spec) =>
      outputs.has(join(dirname(out.path), `${spec}.js`)) ? `require("${spec}.cjs")` : whole,
    );
    const file = out.path.replace(/\.js$/, ".cjs");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${code}//# sourceMappingURL=${basename(file)}.map\n`);
    id.update(file).update("\0").update(code).update("\0");
    writeFileSync(`${file}.map`, t.map);
  }
  // What the compile cache names its entries by: any change to any file is a new build.
  writeFileSync(join(dist, "build-id"), `${id.digest("hex")}\n`);
  writeFileSync(
    join(dist, "index.js"),
    '// The library as an ES module: its code is dist/index.cjs, which the CLI shares.\nexport * from "./index.cjs";\n',
  );
}

/** The library's type declarations (tsc; slower, so only for `npm run build` and packing). */
export function buildTypes() {
  rmSync(join(dist, "types"), { recursive: true, force: true });
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  // The sources import each other as .ts files; the published declarations sit beside .js bundles.
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".d.ts") ? [join(dir, e.name)] : [],
    );
  for (const file of walk(join(dist, "types"))) {
    const text = readFileSync(file, "utf8");
    const fixed = text.replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']+)\.tsx?\2/g, "$1$2$3.js$2");
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
  if (!process.argv.includes("--no-types")) buildTypes();
}
