package com.assethatch.common.image;

import java.util.OptionalInt;

/** What the first bytes of an image say: its real format and, when the header has them, its pixel size. */
public record ImageInfo(ImageFormat format, OptionalInt width, OptionalInt height) {

    public boolean hasDimensions() {
        return width.isPresent() && height.isPresent();
    }
}
