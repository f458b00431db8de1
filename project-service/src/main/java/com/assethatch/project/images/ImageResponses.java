package com.assethatch.project.images;

import com.assethatch.common.imagestore.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * HTTP for stored images: the SHA-256 is the ETag, so an unchanged image costs a 304 and no bytes. Bytes in the row
 * are sent as they are; bytes in the object store are streamed through (no database connection is held while they
 * flow), or, with {@code asset-hatch.images.s3.presign.enabled}, the client is sent to a short-lived presigned URL.
 * Blocking: use from a worker thread (the stream is written on it).
 */
@ApplicationScoped
public class ImageResponses {

    /** Images can be replaced under the same URL: clients keep a copy but revalidate it each time. */
    private static final String CACHE_CONTROL = "no-cache";

    private final ImageStore store;

    public ImageResponses(ImageStore store) {
        this.store = store;
    }

    /** The SHA-256 the client already has, from If-None-Match. */
    public static Optional<String> clientSha256(String ifNoneMatch) {
        return Optional.ofNullable(ifNoneMatch)
                .map(tag -> tag.replace("W/", "").replace("\"", "").trim())
                .filter(tag -> !tag.isEmpty());
    }

    /**
     * 200 with the bytes, 302 to a presigned URL, or 304 when {@code image} is empty because the client's copy is
     * current. A store that does not answer fails here, before the response starts (503 in the error shape).
     */
    public Response of(Optional<StoredImage> image, String ifNoneMatch) {
        if (image.isEmpty()) {
            return Response.notModified().header(HttpHeaders.ETAG, ifNoneMatch).build();
        }
        StoredImage stored = image.get();
        if (stored.key() == null) {
            return withValidators(Response.ok(stored.rowBytes(), stored.mediaType()), stored);
        }
        Optional<URI> presigned = store.presignedGet(stored.key(), stored.mediaType());
        if (presigned.isPresent()) {
            return withValidators(Response.status(Response.Status.FOUND).location(presigned.get()), stored);
        }
        InputStream bytes = store.open(stored.key());
        StreamingOutput body = out -> {
            try (bytes) {
                bytes.transferTo(out);
            }
        };
        return withValidators(Response.ok(body, stored.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, stored.byteSize()), stored);
    }

    private static Response withValidators(Response.ResponseBuilder response, StoredImage stored) {
        return response.header(HttpHeaders.ETAG, "\"" + stored.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
