package com.assethatch.export.images;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the export reads image bytes from, one image at a time, without holding anything between reads. Images are
 * named by their content (sha256 and size, as the manifest lists them) plus the row they belong to, so a store that
 * keys objects by sha256 needs nothing else. {@link StoreImageSource} reads each image from where its row says it
 * is: the image store ({@link com.assethatch.common.imagestore.ImageStore}) or the row ({@link PostgresImageSource}).
 */
public interface ImageSource {

    /**
     * Opens the image for reading. The stream yields the image's bytes; the caller checks them against the size
     * and sha256 it asked for.
     *
     * @throws ImageChangedException when the image is gone or is no longer the one named (also while reading)
     */
    InputStream open(StoredImage image) throws IOException;
}
