package com.assethatch.project.http;

import com.assethatch.common.error.ApiException;
import com.assethatch.project.persistence.ExpectedVersions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A row version as an HTTP entity tag: {@code "42"}. */
public final class VersionETag {

    /**
     * One element of an If-Match list (RFC 9110 §8.8.3): {@code [W/]"<etagc>*"}, then optional whitespace and a comma
     * or the end. A bare number is accepted too, as this API always has. The element itself is optional: empty list
     * elements are ignored, as the list rule asks.
     */
    private static final Pattern LIST_ELEMENT = Pattern.compile(
            "[ \\t]*(?:(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"|(\\d{1,18}))?[ \\t]*(?:,|\\z)");
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");
    private static final String ANY = "*";

    private VersionETag() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an If-Match header allows: any when absent or {@code *}; otherwise those its entity tags name.
     * A well-formed tag that names no version (e.g. {@code "v0"}) simply matches nothing, which is a 412 later;
     * only a header that is not an entity-tag list is a 400. Weak tags are compared weakly, against RFC 9110's
     * strong comparison, on purpose: a gateway that compresses responses (nginx gzip) weakens the ETags it passes
     * on, and a client echoing one back must still be able to write.
     */
    public static ExpectedVersions parseIfMatch(String header) {
        if (header == null || header.isBlank() || ANY.equals(header.trim())) {
            return ExpectedVersions.ANY;
        }
        Set<Long> versions = new LinkedHashSet<>();
        Matcher element = LIST_ELEMENT.matcher(header);
        int position = 0;
        while (position < header.length()) {
            element.region(position, header.length());
            if (!element.lookingAt()) {
                throw malformed(header);
            }
            String tag = element.group(1) != null ? element.group(1) : element.group(2);
            if (tag != null && VERSION.matcher(tag).matches()) {
                versions.add(Long.parseLong(tag));
            }
            position = element.end();
        }
        return ExpectedVersions.oneOf(versions, header.trim());
    }

    private static ApiException malformed(String header) {
        return ApiException.badRequest("If-Match must be * or entity tags such as \"42\" (from the ETag header), got: "
                + header);
    }
}
