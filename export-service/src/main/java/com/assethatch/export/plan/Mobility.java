package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an asset stands still, moves in 4 or 8 directions, or loops an animation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "How the asset moves: static, moveable (4 or 8 directions) or animated (n frames).")
public record Mobility(
        @Schema(description = "static, moveable or animated.", example = "moveable") String type,
        @Schema(description = "For moveable assets: 4 or 8.", example = "8") Integer directions,
        @Schema(description = "For animated assets: the frame count, when known.", example = "4") Integer frames) {

    public static final String STATIC = "static";
    public static final String MOVEABLE = "moveable";
    public static final String ANIMATED = "animated";

    public static Mobility still() {
        return new Mobility(STATIC, null, null);
    }

    /** Only 4 and 8 directions exist for sprites; any other request means the usual 4. */
    public static Mobility moveable(int requestedDirections) {
        return new Mobility(MOVEABLE, requestedDirections == 8 ? 8 : 4, null);
    }

    /** Zero or unknown frames leave the count out, as the original app did. */
    public static Mobility animated(Integer frames) {
        return new Mobility(ANIMATED, null, frames == null || frames == 0 ? null : frames);
    }
}
