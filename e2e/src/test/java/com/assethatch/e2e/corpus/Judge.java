package com.assethatch.e2e.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** What a good answer to hostile input is: no 5xx, and every error in the shape {"error": "...", "details": ...}. */
final class Judge {

    /** What the HTTP layer answers, before any application code, to a request that is not valid HTTP or too big. */
    private static final Set<Integer> HTTP_CODEC_REFUSALS = Set.of(400, 413, 414, 431);

    private final ObjectMapper json = new ObjectMapper();

    /** Why {@code answer} is wrong, or empty when it is fine. */
    Optional<String> fault(Attack attack, Sender.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return Optional.of("answered " + status + ": " + preview(answer.body()));
        }
        if (status < 400 || "HEAD".equals(attack.method())) {
            return Optional.empty();
        }
        if (attack.httpCodecMayRefuse() && HTTP_CODEC_REFUSALS.contains(status) && answer.body().length == 0) {
            return Optional.empty();
        }
        return errorShapeProblem(answer).map(problem -> "answered " + status + " outside the error shape (" + problem
                + "): " + answer.contentType() + " " + preview(answer.body()));
    }

    private Optional<String> errorShapeProblem(Sender.Answer answer) {
        if (!answer.contentType().startsWith("application/json")) {
            return Optional.of("not JSON");
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (body == null || !body.isObject() || !body.path("error").isTextual()) {
                return Optional.of("no \"error\" text");
            }
            return body.properties().stream().map(java.util.Map.Entry::getKey)
                    .filter(name -> !name.equals("error") && !name.equals("details"))
                    .findFirst().map(extra -> "unexpected field " + extra);
        } catch (IOException e) {
            return Optional.of("unparseable JSON");
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return text.isEmpty() ? "(empty body)" : text;
    }
}
