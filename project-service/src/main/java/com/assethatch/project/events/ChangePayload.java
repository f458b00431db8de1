package com.assethatch.project.events;

/**
 * The data of a {@link ChangeEvent}: a record of the feature that changed (its new state, or what was deleted). By
 * event type: project → Project, qualities → Qualities, memory-file → the file without its content, asset →
 * GeneratedAsset or {id, deleted: true}, style-anchor → StyleAnchor, project-deleted → {projectId}, connected →
 * {name}, resync → {reason}. The OpenAPI schemas, one per event type, are in live.ChangeEventSchemas.
 */
public interface ChangePayload {
}
