package com.assethatch.project.http;

import com.assethatch.common.error.ApiException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A row version as an HTTP entity tag: {@code "42"}. */
public final class VersionETag {

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final String ANY = "*";

    private VersionETag() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header requires; empty when absent or {@code *} (any version). */
    public static OptionalLong parseIfMatch(String header) {
        if (header == null || header.isBlank() || ANY.equals(header.trim())) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw ApiException.badRequest("If-Match must be one version ETag such as \"42\" (from the ETag header), got: "
                    + header);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}
