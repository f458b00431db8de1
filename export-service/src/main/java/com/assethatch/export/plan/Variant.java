package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The concrete image to generate for a plan asset: an animation, a direction, or the default look. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Variant", description = "The image variant of an asset; fields without a value are omitted.")
public record Variant(
        @Schema(description = "Asset id plus -variant, -composite or -<direction>.", example = "p-asset-0-composite", required = true)
        String id,
        @Schema(description = "Variant text, animation name, or Default.", example = "Idle", required = true) String name,
        @Schema(description = "Pose for the image prompt.", example = "idle standing pose") String pose,
        @Schema(description = "Animation kind for idle, walk, run and attack.", example = "idle breathing animation")
        String animationType,
        @Schema(description = "Frames in the sheet or animation.", example = "4") Integer frameCount,
        @Schema(description = "Layout of a composite sprite sheet.", example = "horizontally in a single row")
        String arrangementType,
        @Schema(description = "Granular mode: the view this asset shows.", example = "front")
        Direction direction) {

    public static final String DEFAULT_NAME = "Default";

    /** What an asset without variants gets, as in the original app. */
    static Variant defaultFor(String assetId) {
        return new Variant(assetId + "-variant", DEFAULT_NAME, null, null, null, null, null);
    }
}
