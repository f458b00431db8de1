package com.assethatch.e2e.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's small language for big inputs (see corpus/README.md): {@code {{N*TEXT}}} is TEXT repeated N times.
 * Expansion works on bytes (ISO-8859-1 in and out), so binary recipes stay byte for byte.
 */
final class Recipes {

    private static final Pattern REPEAT_START = Pattern.compile("\\{\\{(\\d+)\\*");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|\\\\)");

    private Recipes() {
    }

    static byte[] expandFile(Path file) {
        try {
            return expand(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-comment lines of a .txt corpus file (UTF-8), each expanded. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Recipes::expand)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String expand(String recipe) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        Matcher start = REPEAT_START.matcher(recipe);
        while (start.find(position)) {
            int textStart = start.end();
            int end = recipe.indexOf("}}", textStart + 1);
            if (end < 0) {
                break;
            }
            out.append(recipe, position, start.start());
            out.append(recipe.substring(textStart, end).repeat(Integer.parseInt(start.group(1))));
            position = end + 2;
        }
        return out.append(recipe.substring(position)).toString();
    }

    /** The escapes of header-values.txt: backslash-x and two hex digits, backslash-u and four, two backslashes. */
    static String unescape(String value) {
        Matcher escape = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            String code = escape.group(1);
            String replacement = code.equals("\\") ? "\\" : String.valueOf((char) Integer.parseInt(code.substring(1), 16));
            escape.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        escape.appendTail(out);
        return out.toString();
    }
}
