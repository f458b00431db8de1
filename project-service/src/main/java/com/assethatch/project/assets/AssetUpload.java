package com.assethatch.project.assets;

import com.assethatch.project.images.PlacedImage;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A validated upload, whichever path (base64 JSON or multipart) it came by. */
public record AssetUpload(String id, String projectId, String assetId, String variantId, String status, long seed,
        String promptUsed, ObjectNode metadata, PlacedImage image) {
}
