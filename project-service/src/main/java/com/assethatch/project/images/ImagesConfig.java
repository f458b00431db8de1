package com.assethatch.project.images;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "asset-hatch.images")
public interface ImagesConfig {

    /** Largest image accepted for a generated asset or a style anchor, in bytes (after base64 decoding). */
    @WithDefault("10485760")
    int maxBytes();
}
