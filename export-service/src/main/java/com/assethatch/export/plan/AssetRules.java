package com.assethatch.export.plan;

import java.util.List;
import java.util.Locale;

/**
 * The original app's keyword rules for asset type, pose, animation type and mobility (docs/plan-format.md,
 * "Fields"). They are substring tests on lower-cased text, first match wins, kept exactly for
 * compatibility even where they surprise ({@code ## Build} contains "ui").
 */
final class AssetRules {

    private static final List<String> MOVING_CATEGORIES =
            List.of("character", "npc", "player", "enemy", "creature", "hero", "playable");
    private static final List<String> ANIMATED_NAMES =
            List.of("fire", "flame", "torch", "water", "flag", "smoke", "fountain");
    private static final int HEURISTIC_DIRECTIONS = 4;
    private static final int HEURISTIC_FRAMES = 4;

    private AssetRules() {
    }

    static AssetType typeOf(String category, String name) {
        String inCategory = lower(category);
        String inName = lower(name);
        if (inCategory.contains("character")) {
            return AssetType.CHARACTER_SPRITE;
        }
        if (containsAny(inName, "background", "sky", "scene")) {
            return AssetType.BACKGROUND;
        }
        if (containsAny(inName, "tileset", "terrain", "grass", "stone", "water") || inCategory.contains("environment")) {
            return AssetType.TILESET;
        }
        if (inName.contains("icon") || containsAny(inCategory, "item", "prop")) {
            return AssetType.ICON;
        }
        if (inCategory.contains("ui") || containsAny(inName, "button", "bar", "panel")) {
            return AssetType.UI_ELEMENT;
        }
        return AssetType.CHARACTER_SPRITE;
    }

    static String poseOf(String animationName) {
        String name = lower(animationName);
        if (name.contains("idle")) {
            return "idle standing pose";
        }
        if (name.contains("walk")) {
            return "walking pose mid-stride";
        }
        if (name.contains("run")) {
            return "running pose with motion";
        }
        if (name.contains("attack")) {
            return "attack pose with weapon raised";
        }
        if (name.contains("jump")) {
            return "jumping pose in mid-air";
        }
        if (name.contains("crouch")) {
            return "crouching pose low to ground";
        }
        return name + " pose";
    }

    /** Null when the animation is none of the four the prompts know. */
    static String animationTypeOf(String animationName) {
        String name = lower(animationName);
        if (name.contains("idle")) {
            return "idle breathing animation";
        }
        if (name.contains("walk")) {
            return "walk cycle";
        }
        if (name.contains("run")) {
            return "run cycle";
        }
        if (name.contains("attack")) {
            return "attack sequence";
        }
        return null;
    }

    /** Used only when the name carries no mobility tag. */
    static Mobility mobilityOf(String category, String name) {
        if (MOVING_CATEGORIES.stream().anyMatch(lower(category)::contains)) {
            return Mobility.moveable(HEURISTIC_DIRECTIONS);
        }
        if (ANIMATED_NAMES.stream().anyMatch(lower(name)::contains)) {
            return Mobility.animated(HEURISTIC_FRAMES);
        }
        return Mobility.still();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
