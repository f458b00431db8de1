package com.assethatch.project.images;

import com.assethatch.common.imagestore.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The storage side of an upload: the bytes go to the configured store before their row is written. */
@ApplicationScoped
public class ImageStorage {

    private final ImageStore store;

    public ImageStorage(ImageStore store) {
        this.store = store;
    }

    /**
     * Puts the bytes in the store (blocking: call on a worker thread, before the row's statement). A crash after
     * this leaves an object without a row, which the sweep removes; never a row without its bytes.
     */
    public PlacedImage place(ValidatedImage image) {
        return new PlacedImage(image, store.put(image.bytes(), image.sha256(), image.mediaType()));
    }
}
