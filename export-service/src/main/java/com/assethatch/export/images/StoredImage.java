package com.assethatch.export.images;

/**
 * One image as the manifest promises it: its content (sha256, size) and the row that holds it.
 *
 * @param ownerId the generated asset's id, or the project id for its style anchor
 */
public record StoredImage(String sha256, long bytes, Owner owner, String ownerId) {

    /** The table whose row holds the image. */
    public enum Owner { GENERATED_ASSET, STYLE_ANCHOR }

    public static StoredImage generatedAsset(String id, String sha256, long bytes) {
        return new StoredImage(sha256, bytes, Owner.GENERATED_ASSET, id);
    }

    public static StoredImage styleAnchor(String projectId, String sha256, long bytes) {
        return new StoredImage(sha256, bytes, Owner.STYLE_ANCHOR, projectId);
    }

    @Override
    public String toString() {
        return (owner == Owner.GENERATED_ASSET ? "image " : "style anchor of ") + ownerId;
    }
}
