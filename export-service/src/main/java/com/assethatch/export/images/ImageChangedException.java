package com.assethatch.export.images;

import java.io.IOException;

/** An image is gone, or its bytes are not those the manifest already promised: the download must stop. */
public class ImageChangedException extends IOException {

    public ImageChangedException(String message) {
        super(message);
    }
}
