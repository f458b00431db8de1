package com.assethatch.export.pack;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.json.StorableText;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code POST /api/export}'s body as a stream of JSON tokens: keeps {@code projectId} and reads past
 * everything else. The newest frontend sends every image again as base64 under {@code assets} (hundreds of
 * megabytes); skipped tokens are never held, so memory stays flat whatever the body's size. The body is read to its
 * end, so malformed JSON anywhere is still a 400.
 */
@ApplicationScoped
public class ExportRequestReader {

    private static final String PROJECT_ID = "projectId";

    private final ObjectMapper json;

    public ExportRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /** @return the request; its project id is null when the body has none (or is empty) */
    public ExportRequest read(InputStream body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ExportRequest(null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("Request body must be a JSON object");
            }
            String projectId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (PROJECT_ID.equals(field)) {
                    projectId = projectId(value, parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Unexpected content after the JSON object");
            }
            return new ExportRequest(projectId);
        }
    }

    private static String projectId(JsonToken value, JsonParser parser) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw ApiException.badRequest("Field '" + PROJECT_ID + "' must be a string");
        }
        String projectId = parser.getText();
        StorableText.problem(projectId).ifPresent(problem -> {
            throw ApiException.badRequest("Field '" + PROJECT_ID + "' " + problem, java.util.Map.of("field", PROJECT_ID));
        });
        return projectId;
    }
}
