package com.assethatch.common.json;

import java.util.Optional;

/**
 * Text Postgres can store as it was sent. Postgres {@code text} cannot hold NUL (U+0000): it fails the whole
 * statement. An unpaired UTF-16 surrogate has no UTF-8 form: the driver would silently store {@code ?}. Both are
 * refused at the door, naming the field, instead of becoming a 500 or silent corruption.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with {@code text}, or empty when it can be stored as it is. */
    public static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character (U+0000), which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate (U+%04X), which is not valid Unicode"
                        .formatted((int) c));
            }
        }
        return Optional.empty();
    }
}
