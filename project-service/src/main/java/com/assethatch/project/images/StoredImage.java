package com.assethatch.project.images;

import com.assethatch.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a stored image's bytes are: in the row ({@code rowBytes}) or in the object store under {@code key}, with
 * its real media type, size and SHA-256 (hex).
 */
public record StoredImage(String mediaType, String sha256, long byteSize, byte[] rowBytes, String key) {

    /**
     * Where the stored bytes are, unless the client already holds the current ones ({@code clientSha256} from
     * If-None-Match equals {@code currentSha256}): then empty, and the row is not even read.
     */
    public static Uni<Optional<StoredImage>> unlessClientHasIt(String currentSha256, Optional<String> clientSha256,
            Supplier<Uni<Optional<StoredImage>>> load, Supplier<ApiException> notFound) {
        if (clientSha256.filter(currentSha256::equals).isPresent()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return load.get().map(image -> Optional.of(image.orElseThrow(notFound)));
    }
}
