package com.assethatch.project.projects;

import com.assethatch.project.events.ChangePayload;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Qualities", description = "A project's qualities; every key is present, unset ones are null.")
public record QualitiesView(
        @Schema(example = "farm-game-01") String projectId,
        @Schema(description = "The project's version, also sent as the ETag.", example = "42") long version,
        @Schema(ref = QualitySchemas.VALUES, example = "{\"art_style\": \"Pixel Art (16-bit)\", \"base_resolution\": \"32x32\", \"perspective\": \"side-view\","
                + " \"game_genre\": \"Platformer\", \"theme\": null, \"mood\": null, \"color_palette\": \"Vibrant\"}")
        Map<String, String> qualities) implements ChangePayload {

    public static QualitiesView of(Project project) {
        return new QualitiesView(project.id(), project.version(), project.qualities().bySnakeName());
    }
}
