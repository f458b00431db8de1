// Builds the browser flow's page into <output dir>: type-checks page/flow.ts against the generated client
// (tsc), bundles it for the browser (esbuild) and copies index.html.   node build.mjs <output dir>
import { execFileSync } from "node:child_process";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const outputDir = process.argv[2] ?? `${here}target/page`;
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "--noEmit", "-p", here], { stdio: "inherit" });
await mkdir(outputDir, { recursive: true });
await build({ entryPoints: [`${here}page/flow.ts`], bundle: true, format: "esm", target: "es2022",
  outfile: `${outputDir}/flow.js`, logLevel: "warning" });
await copyFile(`${here}page/index.html`, `${outputDir}/index.html`);
console.log(`[browser] page built into ${outputDir}`);
