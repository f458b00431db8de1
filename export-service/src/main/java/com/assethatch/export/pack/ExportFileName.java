package com.assethatch.export.pack;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The download's file name, {@code <project name, whitespace runs → _>_assets.zip} as the original app
 * named it, as an RFC 6266 {@code Content-Disposition}: an ASCII-safe {@code filename} for old clients
 * plus the exact UTF-8 name in {@code filename*} (RFC 8187).
 */
public final class ExportFileName {

    private static final String SUFFIX = "_assets.zip";
    /** JavaScript's {@code \s}, which the original used: ASCII whitespace plus the Unicode space separators and BOM. */
    private static final Pattern WHITESPACE_RUN =
            Pattern.compile("[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+");
    private static final char REPLACEMENT = '_';
    private static final char FIRST_PRINTABLE_ASCII = 0x20;
    private static final char DELETE = 0x7F;
    private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ExportFileName() {
    }

    /** {@code Farm Game} → {@code Farm_Game_assets.zip}. */
    public static String of(String projectName) {
        return WHITESPACE_RUN.matcher(projectName).replaceAll("_") + SUFFIX;
    }

    public static String contentDisposition(String projectName) {
        String name = of(projectName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /** Quotes, backslashes, control characters and everything outside ASCII become {@code _}. */
    static String asciiFallback(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> safe.append(
                c < FIRST_PRINTABLE_ASCII || c >= DELETE || c == '"' || c == '\\' ? REPLACEMENT : (char) c));
        return safe.toString();
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String percentEncode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
