package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an asset stands still, moves in 4 or 8 directions, or loops an animation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Mobility", description = "How the asset moves: static, moveable (4 or 8 directions) or animated (n frames).")
public record Mobility(
        @Schema(example = "moveable", required = true) Type type,
        @Schema(description = "For moveable assets: 4 or 8.", example = "8") Integer directions,
        @Schema(description = "For animated assets: the frame count, when known.", example = "4") Integer frames) {

    /** Standing still, moving in several directions, or looping an animation in place. */
    @Schema(name = "MobilityType")
    public enum Type {
        STATIC, MOVEABLE, ANIMATED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Mobility still() {
        return new Mobility(Type.STATIC, null, null);
    }

    /** Only 4 and 8 directions exist for sprites; any other request means the usual 4. */
    public static Mobility moveable(int requestedDirections) {
        return new Mobility(Type.MOVEABLE, requestedDirections == 8 ? 8 : 4, null);
    }

    /** Zero or unknown frames leave the count out, as the original app did. */
    public static Mobility animated(Integer frames) {
        return new Mobility(Type.ANIMATED, null, frames == null || frames == 0 ? null : frames);
    }
}
