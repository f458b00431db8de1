// The browser flow of BrowserFlowIT, run in headless Chromium: a frontend page on its own origin that drives both
// services through the gateway with the generated typed client (clients/typescript). flow.mjs calls
// window.runFlow(apiBase) and reads the result; every step is also listed on the page (the screenshot shows it).
import { createAssetHatchClient, projectEventsUrl, type ChangeEventOf, type ChangeEventType } from "../../../clients/typescript/src/index.js";

export interface FlowResult {
  projectId: string;
  steps: string[];
  eventLatencyMs: number;
  exportBytes: number;
  zipEntries: string[];
  imageEntry: string;
}

const EVENT_TIMEOUT_MS = 5000;
const PLAN = "# Browser flow plan\n## Props\n- Barrel\n";

function step(text: string, ok = true): string {
  const item = document.createElement("li");
  item.className = ok ? "ok" : "failed";
  item.textContent = text;
  document.getElementById("steps")!.append(item);
  return text;
}

function fail(what: string, response: Response, error: unknown): never {
  throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(error)}`);
}

/** A real PNG of w×h pixels in one colour, drawn by the browser itself. */
async function drawPng(width: number, height: number, colour: string): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d")!;
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: "image/png" });
}

function nextEvent<T extends ChangeEventType>(source: EventSource, type: T): Promise<ChangeEventOf<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
    source.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(JSON.parse((event as MessageEvent<string>).data) as ChangeEventOf<T>);
    }, { once: true });
  });
}

interface ZipEntry { name: string; size: number; method: number; localHeaderOffset: number }

/** The central directory of a ZIP (no ZIP64: the pack here is tiny), read from its end record. */
function zipEntries(zip: DataView): ZipEntry[] {
  let end = zip.byteLength - 22;
  while (end >= 0 && zip.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP: no end of central directory record");
  const count = zip.getUint16(end + 10, true);
  let at = zip.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = zip.getUint16(at + 28, true);
    const extraLength = zip.getUint16(at + 30, true);
    const commentLength = zip.getUint16(at + 32, true);
    const name = new TextDecoder().decode(new Uint8Array(zip.buffer, zip.byteOffset + at + 46, nameLength));
    entries.push({ name, size: zip.getUint32(at + 24, true), method: zip.getUint16(at + 10, true),
      localHeaderOffset: zip.getUint32(at + 42, true) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of a STORED entry (images are stored, not deflated). */
function storedBytes(zip: DataView, entry: ZipEntry): Uint8Array {
  const header = entry.localHeaderOffset;
  const start = header + 30 + zip.getUint16(header + 26, true) + zip.getUint16(header + 28, true);
  return new Uint8Array(zip.buffer, zip.byteOffset + start, entry.size);
}

export async function runFlow(apiBase: string): Promise<FlowResult> {
  document.getElementById("api")!.textContent = apiBase || "(this origin)";
  document.getElementById("origin")!.textContent = location.origin;
  // The session cookie goes along cross-origin too (same origin, the browser sends it anyway).
  const api = createAssetHatchClient({ baseUrl: apiBase, credentials: "include" });
  const steps: string[] = [];

  // As the original app's newest client creates a project: no id, a mode, where to start; it reads projectId.
  const created = await api.POST("/api/projects", { body: { name: "Browser Flow", mode: "2d", startWith: "assets" } });
  if (!created.data) fail("create the project", created.response, created.error);
  const projectId = created.data.projectId;
  steps.push(step(`created project ${projectId} (mode ${created.data.project.mode}, HTTP ${created.response.status})`));

  const plan = await api.POST("/api/projects/{id}/memory-files", {
    params: { path: { id: projectId } }, body: { type: "entities.json", content: PLAN } });
  if (!plan.data) fail("store the plan", plan.response, plan.error);
  steps.push(step(`stored the plan as ${plan.data.file?.type}`));

  const events = new EventSource(projectEventsUrl(apiBase, projectId), { withCredentials: true });
  try {
    await nextEvent(events, "connected");
    steps.push(step("event stream open (connected)"));
    const qualitiesEvent = nextEvent(events, "qualities");
    const patchedAt = performance.now();
    const patched = await api.PATCH("/api/projects/{id}/qualities", {
      params: { path: { id: projectId } }, body: { art_style: "Pixel Art (16-bit)", perspective: "side-view" } });
    if (!patched.data) fail("patch the qualities", patched.response, patched.error);
    const event = await qualitiesEvent;
    const eventLatencyMs = performance.now() - patchedAt;
    if (event.projectId !== projectId) throw new Error(`event for ${event.projectId}, not ${projectId}`);
    if (event.data.qualities.perspective !== "side-view") throw new Error(`event data: ${JSON.stringify(event.data)}`);
    steps.push(step(`PATCH qualities → "qualities" event (version ${event.version}) after ${eventLatencyMs.toFixed(1)} ms`));

    const image = await drawPng(32, 32, "#6e9646");
    const imageBytes = new Uint8Array(await image.arrayBuffer());
    const assetRowId = `${projectId}-barrel-1`;
    const uploaded = await api.POST("/api/generated-assets", {
      body: { id: assetRowId, projectId, assetId: `${projectId}-asset-0`, status: "generated", image: "" },
      bodySerializer: (fields) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) if (key !== "image") form.append(key, String(value));
        form.append("image", image, "barrel.png");
        return form;
      },
    });
    if (!uploaded.data) fail("upload the image", uploaded.response, uploaded.error);
    steps.push(step(`uploaded a ${imageBytes.length}-byte PNG as multipart from a Blob: ${uploaded.data.asset?.status}`));

    const approved = await api.PATCH("/api/generated-assets/{id}", {
      params: { path: { id: assetRowId } }, body: { status: "approved" } });
    if (!approved.data) fail("approve the image", approved.response, approved.error);
    steps.push(step(`approved it: ${approved.data.status}`));

    const download = await api.GET("/api/projects/{id}/export", {
      params: { path: { id: projectId } }, parseAs: "arrayBuffer" });
    if (!download.response.ok || !download.data) fail("download the export", download.response, download.error);
    const zip = new DataView(download.data as ArrayBuffer);
    const entries = zipEntries(zip);
    const imageEntry = entries.find((entry) => entry.name.endsWith(".png") && entry.size === imageBytes.length);
    if (!imageEntry) throw new Error(`no ${imageBytes.length}-byte PNG in ${JSON.stringify(entries.map((e) => e.name))}`);
    const stored = storedBytes(zip, imageEntry);
    if (imageEntry.method !== 0 || stored.some((byte, i) => byte !== imageBytes[i])) {
      throw new Error(`${imageEntry.name} is not the uploaded image`);
    }
    steps.push(step(`downloaded ${download.response.headers.get("Content-Disposition")}: ${zip.byteLength} bytes, `
      + `entries ${entries.map((entry) => entry.name).join(", ")}; ${imageEntry.name} is the uploaded image`));
    const shown = document.createElement("img");
    shown.src = URL.createObjectURL(new Blob([stored.slice()], { type: "image/png" }));
    shown.alt = imageEntry.name;
    document.getElementById("image")!.append("The image as read back from the ZIP: ", shown);
    return { projectId, steps, eventLatencyMs, exportBytes: zip.byteLength,
      zipEntries: entries.map((entry) => entry.name), imageEntry: imageEntry.name };
  } catch (error) {
    step(String(error), false);
    throw error;
  } finally {
    events.close();
  }
}

declare global {
  interface Window { runFlow: typeof runFlow }
}
window.runFlow = runFlow;
