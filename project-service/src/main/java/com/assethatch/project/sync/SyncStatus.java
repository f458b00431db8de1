package com.assethatch.project.sync;

import com.assethatch.project.cache.RedisState;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a "Saving… / Saved / Sync failed" banner needs to know about one project. */
@Schema(name = "SyncStatus")
public record SyncStatus(
        @Schema(example = "farm-game-01") String projectId,
        SyncState state,
        RedisState redis,
        @Schema(description = "Cache repairs still owed for this project.", example = "0") long pendingRepairs,
        @Schema(description = "When the oldest owed repair was recorded.", nullable = true) OffsetDateTime oldestPendingSince,
        @Schema(description = "Why the last repair attempt failed, if it did.", nullable = true) String lastRepairError,
        @Schema(description = "When anything of this project last changed (project, files, assets, anchor).", nullable = true)
        OffsetDateTime lastWriteAt,
        @Schema(description = "The project row's version (the qualities ETag).", example = "42") long projectVersion,
        @Schema(description = "The highest version of anything in the project (project, files, assets, anchor): the id of "
                + "the latest change event, so a client can tell whether it missed one.", example = "57")
        long latestVersion) {
}
