package com.assethatch.project.projects;

import com.assethatch.project.cache.Versioned;
import java.time.OffsetDateTime;

/** A project as stored; {@code version} changes with every committed change to the row. */
public record Project(String id, String name, Phase phase, Mode mode, String ownerId, Qualities qualities, long version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {
}
