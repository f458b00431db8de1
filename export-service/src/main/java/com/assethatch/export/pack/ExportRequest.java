package com.assethatch.export.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The original app's export request. Other keys (a later frontend also sends {@code assets}) are ignored. */
@Schema(name = "ExportRequest")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportRequest(
        @Schema(description = "The project to export.", example = "farm-game", required = true)
        @NotBlank(message = ExportService.PROJECT_ID_REQUIRED) String projectId) {
}
