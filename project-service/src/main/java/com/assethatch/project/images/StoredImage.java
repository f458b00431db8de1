package com.assethatch.project.images;

import com.assethatch.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;

/** An image as stored: its bytes, real media type and SHA-256 (hex). */
public record StoredImage(byte[] bytes, String mediaType, String sha256) {

    /**
     * The stored bytes, unless the client already holds the current ones ({@code clientSha256} from
     * If-None-Match equals {@code currentSha256}): then empty, and the bytes are never read.
     */
    public static Uni<Optional<StoredImage>> unlessClientHasIt(String currentSha256, Optional<String> clientSha256,
            Supplier<Uni<Optional<StoredImage>>> load, Supplier<ApiException> notFound) {
        if (clientSha256.filter(currentSha256::equals).isPresent()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return load.get().map(image -> Optional.of(image.orElseThrow(notFound)));
    }
}
