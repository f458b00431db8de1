package com.assethatch.e2e.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile request: a method and a path (query and percent-encoding as they go on the wire), headers, a body.
 * {@code httpCodecMayRefuse}: the request is not valid HTTP, or goes past the HTTP layer's own limits (request line,
 * header size), so the server may refuse it before any application code runs, with a bare status and no body.
 */
record Attack(String service, String method, String target, Map<String, String> headers, byte[] body,
        String label, boolean httpCodecMayRefuse) {

    static Attack of(String service, String method, String target, String label) {
        return new Attack(service, method, target, new LinkedHashMap<>(), new byte[0], label, false);
    }

    Attack header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new Attack(service, method, target, headers, body, label, httpCodecMayRefuse);
    }

    Attack body(String contentType, byte[] body) {
        Attack withBody = new Attack(service, method, target, headers, body, label, httpCodecMayRefuse);
        return contentType == null ? withBody : withBody.header("Content-Type", contentType);
    }

    Attack labelled(String more) {
        return new Attack(service, method, target, headers, body, label + " " + more, httpCodecMayRefuse);
    }

    Attack mayBeRefusedByHttpCodec() {
        return new Attack(service, method, target, headers, body, label, true);
    }

    String describe() {
        return service + " " + method + " " + abbreviate(target) + " [" + label + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
