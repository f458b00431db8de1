package com.assethatch.common.image;

import com.fasterxml.jackson.annotation.JsonValue;

/** The image formats Asset Hatch stores and exports; in JSON, their media types. */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    @JsonValue
    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static java.util.Optional<ImageFormat> ofMediaType(String mediaType) {
        return java.util.Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
