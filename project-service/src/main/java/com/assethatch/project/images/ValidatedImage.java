package com.assethatch.project.images;

import com.assethatch.common.image.ImageFormat;

/** Image bytes that passed the checks, with what the service stores about them. */
public record ValidatedImage(byte[] bytes, ImageFormat format, String sha256, Integer width, Integer height) {

    public String mediaType() {
        return format.mediaType();
    }
}
