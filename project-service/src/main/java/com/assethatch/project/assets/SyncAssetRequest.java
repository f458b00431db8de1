package com.assethatch.project.assets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The original frontend's body: the asset's fields plus the image as base64. */
@Schema(name = "SyncGeneratedAssetRequest",
        description = "The asset's fields (see GeneratedAssetFields) flattened, plus imageBlob.")
public class SyncAssetRequest {

    @Valid
    @JsonUnwrapped
    public AssetFields fields;

    @Schema(description = "The image as standard base64 (a data URL is accepted too): PNG, JPEG or WebP.",
            required = true, example = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    @NotBlank(message = "Missing required fields")
    public String imageBlob;
}
