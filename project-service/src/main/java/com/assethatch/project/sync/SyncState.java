package com.assethatch.project.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "`in-sync`: every committed change is in the cache. `repairing`: some changes are saved in "
        + "Postgres and still being copied to the cache (reads are correct meanwhile). `degraded`: the cache is "
        + "down; everything is served from Postgres.")
public enum SyncState {
    IN_SYNC("in-sync"),
    REPAIRING("repairing"),
    DEGRADED("degraded");

    private final String value;

    SyncState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
