package com.assethatch.project.images;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** HTTP for stored images: the SHA-256 is the ETag, so an unchanged image costs a 304 and no bytes. */
public final class ImageResponses {

    /** Images can be replaced under the same URL: clients keep a copy but revalidate it each time. */
    private static final String CACHE_CONTROL = "no-cache";

    private ImageResponses() {
    }

    /** The SHA-256 the client already has, from If-None-Match. */
    public static Optional<String> clientSha256(String ifNoneMatch) {
        return Optional.ofNullable(ifNoneMatch)
                .map(tag -> tag.replace("W/", "").replace("\"", "").trim())
                .filter(tag -> !tag.isEmpty());
    }

    /** 200 with the bytes, or 304 when {@code image} is empty because the client's copy is current. */
    public static Response of(Optional<StoredImage> image, String ifNoneMatch) {
        return image
                .map(stored -> Response.ok(stored.bytes(), stored.mediaType())
                        .header(HttpHeaders.ETAG, "\"" + stored.sha256() + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                        .build())
                .orElseGet(() -> Response.notModified().header(HttpHeaders.ETAG, ifNoneMatch).build());
    }
}
