package com.assethatch.export.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of image a plan asset is, by the original app's keyword rules ({@link AssetRules}). */
public enum AssetType {
    CHARACTER_SPRITE("character-sprite"),
    SPRITE_SHEET("sprite-sheet"),
    TILESET("tileset"),
    BACKGROUND("background"),
    ICON("icon"),
    UI_ELEMENT("ui-element");

    private final String value;

    AssetType(String value) {
        this.value = value;
    }

    /** The value in JSON, as the original app wrote it. */
    @JsonValue
    public String value() {
        return value;
    }
}
