package com.assethatch.project.assets;

/** Rules for the client-chosen ids of generated assets and the plan asset ids they point at. */
public final class AssetIds {

    public static final String PATTERN = "^[A-Za-z0-9._:-]{1,200}$";
    public static final String RULE = "must be 1 to 200 letters, digits, '.', '_', ':' or '-'";

    private AssetIds() {
    }
}
