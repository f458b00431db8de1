package com.assethatch.project.assets;

/** The review states of a generated image. */
public final class AssetStatus {

    public static final String GENERATED = "generated";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    /** Regular expression of the accepted values, for validation. */
    public static final String PATTERN = "generated|approved|rejected";
    public static final String RULE = "status must be one of: generated, approved, rejected";

    private AssetStatus() {
    }
}
