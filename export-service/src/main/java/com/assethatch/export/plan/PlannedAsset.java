package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One image the plan asks for; its id links generated images to the plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PlannedAsset", description = "One asset of the plan; fields without a value are omitted.")
public record PlannedAsset(
        @Schema(description = "<projectId>-asset-<n>, positional; granular adds -<direction>.", example = "p-asset-0", required = true)
        String id,
        @Schema(description = "Text of the closest ## heading above; empty before the first.", example = "Characters", required = true)
        String category,
        @Schema(description = "Asset name without markup or mobility tag.", example = "Farmer", required = true) String name,
        @Schema(description = "The kind of image, from keywords in the category and name.", example = "sprite-sheet", required = true)
        AssetType type,
        @Schema(description = "Lower-cased name plus variant text, for prompts.", example = "farmer idle (4-direction)", required = true)
        String description,
        @Schema(required = true) Mobility mobility,
        @Schema(description = "Metadata sub-items by label (description, animations, notes, ...); omitted when none.")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> notes,
        @Schema(required = true) Variant variant) {

    public PlannedAsset {
        notes = notes == null || notes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }
}
