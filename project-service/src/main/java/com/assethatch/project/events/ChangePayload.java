package com.assethatch.project.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of a {@link ChangeEvent}: a record of the feature that changed (its new state, or what was deleted). */
@Schema(description = "By event type: project → Project, qualities → Qualities, memory-file → the file without its "
        + "content (id, type, version, updatedAt), asset → GeneratedAsset or {id, deleted: true}, style-anchor → "
        + "StyleAnchor, project-deleted → {projectId}, connected → {name}, resync → {reason}.")
public interface ChangePayload {
}
