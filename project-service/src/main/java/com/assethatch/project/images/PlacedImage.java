package com.assethatch.project.images;

import java.util.Optional;

/**
 * A validated image whose bytes are already where they will be kept: in the object store under {@code key}
 * (put before the row is written), or, without a key, in the row about to be written.
 */
public record PlacedImage(ValidatedImage image, Optional<String> key) {

    /** The bytes the row keeps: null when they are in the object store. */
    public byte[] rowBytes() {
        return key.isPresent() ? null : image.bytes();
    }

    public String objectKey() {
        return key.orElse(null);
    }

    public int byteSize() {
        return image.bytes().length;
    }

    public String mediaType() {
        return image.mediaType();
    }

    public String sha256() {
        return image.sha256();
    }

    public Integer width() {
        return image.width();
    }

    public Integer height() {
        return image.height();
    }
}
