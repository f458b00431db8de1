package com.assethatch.common.http;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.json.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any route is matched, requests that no route can handle but that would otherwise reach code that
 * fails on them with a 500: a path or query that cannot be stored or looked up (a NUL, which Postgres text cannot
 * hold, or an unpaired surrogate), a Content-Type that is not a media type, and a multipart Content-Type without a
 * usable boundary (RFC 2046 §5.1.1: 1 to 70 characters). Each is a 400 in the error shape. (An Accept header that
 * is no list of media ranges is disregarded: {@link UnparseableAccept}.)
 */
public class RequestSanity {

    private static final String MULTIPART = "multipart";
    private static final String BOUNDARY = "boundary";
    private static final int MAX_BOUNDARY_LENGTH = 70;

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> refuseUnusableRequests(ContainerRequestContext request) {
        requireStorable("The path", request.getUriInfo().getPath());
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            requireStorable("Query parameter name '" + printable(name) + "'", name);
            values.forEach(value -> requireStorable("Query parameter '" + printable(name) + "'", value));
        });
        requireUsableContentType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        return Optional.empty();
    }

    private static void requireStorable(String what, String text) {
        StorableText.problem(text).ifPresent(problem -> {
            throw ApiException.badRequest(what + " " + problem);
        });
    }

    private static void requireUsableContentType(String header) {
        if (header == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Content-Type is not a media type: " + printable(header),
                    Map.of("example", List.of(MediaType.APPLICATION_JSON)));
        }
        if (MULTIPART.equalsIgnoreCase(type.getType())) {
            String boundary = type.getParameters().get(BOUNDARY);
            if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
                throw ApiException.badRequest("Content-Type " + type.getType() + "/" + type.getSubtype()
                        + " needs a boundary parameter of 1 to 70 characters");
            }
        }
    }

    /** The text for a message: control characters and surrogates as escapes, at most 200 characters. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(200).forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return text.length() > 200 ? out + "…" : out.toString();
    }
}
