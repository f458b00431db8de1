// Drives Debian's headless Chromium (playwright-core, /usr/bin/chromium) through the whole flow against the gateway,
// then checks that both Swagger UIs render their operations through it. Prints one JSON line of results; exits 1
// on any failure. Run by e2e's BrowserFlowIT; alone:
//   node e2e/browser/flow.mjs --page http://127.0.0.1:3000/ --gateway http://127.0.0.1:8000 [--api same|cross] [--out DIR]
// --page is where the page (built by build.mjs) is served; with --api same it is opened through the gateway
// (the gateway's frontend upstream serves it, calls stay on one origin), with --api cross it is opened from its own
// origin and calls the gateway cross-origin (CORS, with credentials). Sign-in: E2E_SESSION_COOKIE ("name=value",
// the Auth.js session cookie scripts/token prints) is set on the gateway's origin before the page loads, as the
// original frontend's sign-in sets it; every API call and the event stream then carry it.
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: options } = parseArgs({ options: {
  page: { type: "string" }, gateway: { type: "string" }, api: { type: "string", default: "same" },
  out: { type: "string", default: "target/browser" }, chromium: { type: "string", default: "/usr/bin/chromium" },
} });
if (!options.page || !options.gateway) throw new Error("--page and --gateway are required");
const gateway = options.gateway.replace(/\/+$/, "");
const sameOrigin = options.api === "same";
const pageUrl = sameOrigin ? `${gateway}/index.html` : options.page;
const apiBase = sameOrigin ? "" : gateway;
const SWAGGER_TIMEOUT_MS = 30_000;
const FLOW_TIMEOUT_MS = 60_000;

/** The flags BUILD_NOTES.md gives for Debian's Chromium: without the background-networking ones it may hang. */
const CHROMIUM_FLAGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

async function signIn(context) {
  const cookie = process.env.E2E_SESSION_COOKIE;
  if (!cookie) return;
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name, value: value.join("="), url: gateway, httpOnly: true, sameSite: "Lax" }]);
}

/** Opens a service's Swagger UI through the gateway; returns how many operations it rendered. */
async function swaggerOperations(page, service, expected) {
  const failures = [];
  page.on("response", (response) => { if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`); });
  await page.goto(`${gateway}/docs/${service}/swagger-ui/`);
  await page.locator(".opblock").first().waitFor({ timeout: SWAGGER_TIMEOUT_MS });
  const paths = await page.locator(".opblock-summary-path").allInnerTexts();
  const title = await page.locator(".info .title").first().innerText();
  if (!title.includes(service)) throw new Error(`Swagger UI of ${service} shows the title "${title}"`);
  for (const path of expected) {
    if (!paths.some((shown) => shown.replace(/\u200b/g, "") === path)) {
      throw new Error(`Swagger UI of ${service} does not show ${path}; it shows ${paths.join(", ")}; failed: ${failures}`);
    }
  }
  return { service, title, operations: paths.length };
}

const browser = await chromium.launch({ executablePath: options.chromium, headless: true, chromiumSandbox: false,
  args: CHROMIUM_FLAGS });
let exitCode = 0;
try {
  await mkdir(options.out, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(context);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof window.runFlow === "function");
  let flow;
  try {
    flow = await page.evaluate(async (base) => window.runFlow(base), apiBase, { timeout: FLOW_TIMEOUT_MS });
  } finally {
    await page.screenshot({ path: `${options.out}/flow-${options.api}-origin.png`, fullPage: true });
  }
  const swagger = [];
  const docs = await context.newPage();
  swagger.push(await swaggerOperations(docs, "project-service", ["/api/projects/{id}/qualities", "/api/projects/{id}/events"]));
  await docs.screenshot({ path: `${options.out}/swagger-project-service.png` });
  swagger.push(await swaggerOperations(docs, "export-service", ["/api/export", "/api/projects/{id}/export"]));
  console.log(JSON.stringify({ ok: true, pageUrl, apiBase: apiBase || "(same origin)", pageOrigin: new URL(pageUrl).origin,
    flow, swagger, consoleErrors }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, pageUrl, error: String(error?.stack ?? error) }));
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
