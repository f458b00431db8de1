package com.assethatch.export.pack;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The original app's export request, as {@link ExportRequestReader} reads it. Other keys (the newest frontend also
 * sends {@code assets}, every image again as base64) are read past.
 */
@Schema(name = "ExportRequest")
public record ExportRequest(
        @Schema(description = "The project to export.", example = "farm-game", required = true, pattern = "\\S")
        String projectId) {
}
