package com.assethatch.project.images;

import io.vertx.mutiny.sqlclient.Row;

/** Reads where an image's bytes are from its row: the bytes are selected only when the row holds them. */
public final class StoredImages {

    /** The columns {@link #of} reads, for a table with image, image_key, media_type, byte_size and sha256. */
    public static final String COLUMNS = "media_type, sha256, coalesce(byte_size, length(image)) AS byte_size, "
            + "image_key, CASE WHEN image_key IS NULL THEN image END AS image";

    private StoredImages() {
    }

    public static StoredImage of(Row row) {
        var bytes = row.getBuffer("image");
        return new StoredImage(row.getString("media_type"), row.getString("sha256"), row.getLong("byte_size"),
                bytes == null ? null : bytes.getBytes(), row.getString("image_key"));
    }
}
