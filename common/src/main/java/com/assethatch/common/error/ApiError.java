package com.assethatch.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error body of the whole API: a sentence for a person, plus optional structured details. */
@Schema(name = "Error", description = "Every error response has this shape.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(description = "What is wrong, written for a person.", example = "Project not found", required = true) String error,
        @Schema(description = "Optional structured details (allowed keys, field errors, current version...).")
        Object details) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
