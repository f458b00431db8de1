package com.assethatch.export.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the leading {@code [STATIC]}, {@code [MOVEABLE:n]} or {@code [ANIM:n]} tag of an asset name. */
final class NameTags {

    private static final Pattern TAG = Pattern.compile(
            "^\\[(STATIC|MOVEABLE|ANIM)(?::([^\\]]*))?\\]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\s*\\d{1,6}\\s*");

    /**
     * @param name     the name without its tag
     * @param mobility what the tag says, or null when there is no tag (the heuristics decide then)
     */
    record TaggedName(String name, Mobility mobility) {
    }

    private NameTags() {
    }

    static TaggedName read(String text, int line, Warnings warnings) {
        Matcher tag = TAG.matcher(text);
        if (!text.startsWith("[") || !tag.find()) {
            return new TaggedName(text, null);
        }
        String name = text.substring(tag.end()).strip();
        String kind = tag.group(1).toUpperCase(Locale.ROOT);
        String argument = tag.group(2);
        Mobility mobility = switch (kind) {
            case "STATIC" -> staticTag(argument, name, line, warnings);
            case "MOVEABLE" -> moveableTag(argument, name, line, warnings);
            default -> animatedTag(argument, name, line, warnings);
        };
        return new TaggedName(name, mobility);
    }

    private static Mobility staticTag(String argument, String name, int line, Warnings warnings) {
        if (argument != null) {
            warnings.atLine(line, "[STATIC:" + argument + "] on '" + name + "' takes no number; read as [STATIC]");
        }
        return Mobility.still();
    }

    private static Mobility moveableTag(String argument, String name, int line, Warnings warnings) {
        Integer directions = count(argument);
        if (directions == null) {
            warnings.atLine(line, tagText("MOVEABLE", argument) + " on '" + name
                    + "' needs a direction count, [MOVEABLE:4] or [MOVEABLE:8]; using 4 directions");
            return Mobility.moveable(4);
        }
        if (directions != 4 && directions != 8) {
            warnings.atLine(line, "[MOVEABLE:" + directions + "] on '" + name
                    + "': sprites move in 4 or 8 directions; using 4");
        }
        return Mobility.moveable(directions);
    }

    private static Mobility animatedTag(String argument, String name, int line, Warnings warnings) {
        Integer frames = count(argument);
        if (frames == null) {
            warnings.atLine(line, tagText("ANIM", argument) + " on '" + name
                    + "' needs a frame count such as [ANIM:4]; the frame count is left out");
        } else if (frames == 0) {
            warnings.atLine(line, "[ANIM:0] on '" + name + "' has no frames; the frame count is left out");
        }
        return Mobility.animated(frames);
    }

    private static Integer count(String argument) {
        return argument != null && COUNT.matcher(argument).matches() ? Integer.valueOf(argument.strip()) : null;
    }

    private static String tagText(String kind, String argument) {
        return argument == null ? "[" + kind + "]" : "[" + kind + ":" + argument + "]";
    }
}
