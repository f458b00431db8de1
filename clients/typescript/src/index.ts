// The typed client of the Asset Hatch services: openapi-fetch over the types openapi-typescript generated
// from openapi/*.yaml (src/generated, committed; the Maven build fails when they drift from the specs).
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components as ExportComponents, paths as ExportServicePaths } from "./generated/export-service.js";
import type { components as ProjectComponents, paths as ProjectServicePaths } from "./generated/project-service.js";

export type { ExportServicePaths, ProjectServicePaths };

/** Every route of both services, as the gateway serves them on one origin (their paths never overlap). */
export type AssetHatchPaths = ProjectServicePaths & ExportServicePaths;

/** Named schemas of each service, e.g. `ProjectSchemas["Qualities"]`. */
export type ProjectSchemas = ProjectComponents["schemas"];
export type ExportSchemas = ExportComponents["schemas"];

/** The one error body of the whole API (also what the gateway answers for 413, 502 and 504). */
export type ApiError = ProjectSchemas["Error"];

/** The data of one Server-Sent Event of `GET /api/projects/{id}/events`: a union told apart by `type`. */
export type ChangeEvent = ProjectSchemas["ChangeEvent"];

/** An event's type, also its SSE event name: "connected", "project", "qualities", "memory-file", ... */
export type ChangeEventType = ChangeEvent["type"];

/** The event of one type, with its data typed, e.g. `ChangeEventOf<"qualities">["data"]["qualities"]["mood"]`. */
export type ChangeEventOf<T extends ChangeEventType> = Extract<ChangeEvent, { type: T }>;

/**
 * A client for both services through the gateway. In a page served behind the gateway, leave `baseUrl` empty:
 * calls go to `/api/...` on the page's own origin and carry its cookies (the Auth.js session). From another origin,
 * pass `credentials: "include"` so the session cookie goes along (open the event stream `withCredentials` too), or
 * pass `headers: { Authorization: "Bearer <jwt>" }`.
 */
export function createAssetHatchClient(options: ClientOptions = {}): Client<AssetHatchPaths> {
  return createClient<AssetHatchPaths>(options);
}

/** A client for project-service alone, e.g. `{ baseUrl: "http://localhost:8080" }`. */
export function createProjectServiceClient(options: ClientOptions = {}): Client<ProjectServicePaths> {
  return createClient<ProjectServicePaths>(options);
}

/** A client for export-service alone, e.g. `{ baseUrl: "http://localhost:8081" }`. */
export function createExportServiceClient(options: ClientOptions = {}): Client<ExportServicePaths> {
  return createClient<ExportServicePaths>(options);
}

/** The URL of a project's event stream, for `new EventSource(...)` (openapi-fetch does not stream). */
export function projectEventsUrl(baseUrl: string, projectId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/projects/${encodeURIComponent(projectId)}/events`;
}
