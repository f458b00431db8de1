package com.assethatch.export.pack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes {@code first..last} (inclusive) of a response: the whole of it, or the single range a {@code Range}
 * request asks for (RFC 9110 §14). Several ranges, another unit, a malformed header or an {@code If-Range} that is
 * not the current ETag all mean the whole response, as the RFC allows.
 */
record ByteRange(long first, long last, boolean partial) {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    static ByteRange whole(long length) {
        return new ByteRange(0, length - 1, false);
    }

    /**
     * @param range   the {@code Range} header, may be null
     * @param ifRange the {@code If-Range} header, may be null: the range applies only if it is {@code etag}
     * @return empty when the range cannot be satisfied (416)
     */
    static Optional<ByteRange> of(String range, String ifRange, String etag, long length) {
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) {
            return Optional.of(whole(length));
        }
        Matcher single = SINGLE_RANGE.matcher(range.strip());
        if (!single.matches() || (single.group(1).isEmpty() && single.group(2).isEmpty())) {
            return Optional.of(whole(length));
        }
        if (single.group(1).isEmpty()) {
            long suffix = Long.parseLong(single.group(2));
            return suffix == 0 ? Optional.empty()
                    : Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1, true));
        }
        long first = Long.parseLong(single.group(1));
        long last = single.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(single.group(2));
        if (last < first) {
            return Optional.of(whole(length)); // not a valid range: ignored
        }
        return first >= length ? Optional.empty() : Optional.of(new ByteRange(first, Math.min(last, length - 1), true));
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206. */
    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
