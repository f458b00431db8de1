package com.assethatch.project.assets;

import com.assethatch.project.images.ImagePolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The raw upload: the request body is the image, the fields are query parameters (the same names and rules as the
 * JSON and multipart uploads). The body is read once, as it arrives, into one array of its announced length.
 */
public class RawImageUpload {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String WEBP = "image/webp";
    /** What error messages call the image in this upload. */
    static final String BODY = "body";
    /** Growth step when a chunked body announces no length. */
    private static final int CHUNK = 64 * 1024;

    @QueryParam("id")
    @Parameter(description = "Raw upload only, required there: the client-chosen id; re-sending it updates that asset.",
            example = "5d0c4f0e-1f7e-4b8e-9a51-4c6c2b1f0a11")
    public String id;

    @QueryParam("projectId")
    @Parameter(description = "Raw upload only, required there.", example = "farm-game-01")
    public String projectId;

    @QueryParam("assetId")
    @Parameter(description = "Raw upload only, required there: the plan asset this image is for.",
            example = "farm-game-01-asset-0")
    public String assetId;

    @QueryParam("variantId")
    @Parameter(description = "Raw upload only.", example = "farm-game-01-asset-0-composite")
    public String variantId;

    @QueryParam("status")
    @Parameter(description = "Raw upload only: generated, approved or rejected; approved when absent (as the original).",
            example = "approved")
    public String status;

    @QueryParam("seed")
    @Parameter(description = "Raw upload only: generation seed, an integer; 0 when absent.", example = "42")
    public String seed;

    @QueryParam("promptUsed")
    @Parameter(description = "Raw upload only: the prompt (URL-encoded; the whole request line is limited to 4 KiB).")
    public String promptUsed;

    @QueryParam("metadata")
    @Parameter(description = "Raw upload only: generation metadata, a JSON object, URL-encoded.",
            example = "{\"model\": \"flux.2-pro\"}")
    public String metadata;

    @HeaderParam(HttpHeaders.CONTENT_LENGTH)
    @Parameter(hidden = true)
    public Long contentLength;

    AssetFields toFields(ObjectMapper json) {
        return new AssetFields(id, projectId, assetId, variantId, status, AssetUploadForm.parseSeed(seed), promptUsed,
                AssetUploadForm.parseMetadata(metadata, json));
    }

    /**
     * The body's bytes, refused with a 413 before reading when the announced length is over the limit. With a
     * Content-Length the bytes land in one array of that size (no second copy); a chunked body grows a buffer.
     */
    byte[] readImage(InputStream body, ImagePolicy policy) throws IOException {
        if (contentLength != null) {
            policy.requireWithinLimit(contentLength);
            byte[] image = new byte[Math.toIntExact(contentLength)];
            int read = body.readNBytes(image, 0, image.length);
            return read == image.length ? image : Arrays.copyOf(image, read);
        }
        byte[] image = new byte[CHUNK];
        int length = 0;
        for (int read; (read = body.readNBytes(image, length, image.length - length)) > 0; ) {
            length += read;
            policy.requireWithinLimit(length);
            if (length == image.length) {
                image = Arrays.copyOf(image, image.length * 2);
            }
        }
        return Arrays.copyOf(image, length);
    }
}
