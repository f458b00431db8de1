package com.assethatch.project.images;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "asset-hatch.images")
public interface ImagesConfig {

    /** Largest image accepted for a generated asset or a style anchor, in bytes (after base64 decoding). */
    @WithDefault("10485760")
    int maxBytes();

    /**
     * Most pixels (width x height, from the image's header) an image may have: 64 megapixels by default, far above
     * any game asset. Checked before decoding, so a small file that claims a huge size (a decompression bomb) is
     * refused with 413 without being decoded.
     */
    @WithDefault("64000000")
    long maxPixels();
}
