// Copies the README's client example (the ```ts block of "## The typed TypeScript client") into
// target/readme-example.ts, which tsconfig.json includes: the build type-checks the README's usage against the
// generated types, so the example stays true.   node readme-example.mjs
import { mkdir, readFile, writeFile } from "node:fs/promises";

const SECTION = "## The typed TypeScript client";
const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.indexOf(SECTION);
const block = section < 0 ? null : /```ts\n([\s\S]*?)```/.exec(readme.slice(section));
if (!block) {
  console.error(`[client] README.md has no \`\`\`ts block under "${SECTION}"`);
  process.exit(1);
}
await mkdir(new URL("target/", import.meta.url), { recursive: true });
await writeFile(new URL("target/readme-example.ts", import.meta.url),
  "// Copied from README.md by readme-example.mjs; type-checked, never run.\n" + block[1]);
console.log(`[client] README example: ${block[1].trimEnd().split("\n").length} lines -> target/readme-example.ts`);
