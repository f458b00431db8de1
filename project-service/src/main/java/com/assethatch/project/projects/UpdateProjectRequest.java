package com.assethatch.project.projects;

import com.assethatch.common.ids.ProjectIds;
import com.assethatch.common.validation.OneOf;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectPatch", description = "Fields to change; absent fields stay as they are.")
public record UpdateProjectRequest(
        @Schema(ref = "Phase", example = "style")
        @OneOf(value = Phase.class, message = "Invalid request body: phase must be one of {values}")
        String phase,

        @Schema(example = "Farm Game II", maxLength = ProjectIds.MAX_NAME_LENGTH)
        @Pattern(regexp = "(?s).*\\S.*", message = "Invalid request body: name must not be empty")
        @Size(max = ProjectIds.MAX_NAME_LENGTH, message = "Invalid request body: name is too long (at most 200 characters)")
        String name) {
}
