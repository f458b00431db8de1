package com.assethatch.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Free-form JSON (asset metadata, stored as jsonb) passes {@link StorableText} in every key and string value:
 * jsonb refuses {@code \u0000} just like text does. The error names the path inside the document.
 */
final class StorableJsonNodeDeserializer extends StdDeserializer<JsonNode> {

    private final JsonDeserializer<? extends JsonNode> trees = JsonNodeDeserializer.getDeserializer(JsonNode.class);

    StorableJsonNodeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = trees.deserialize(parser, context);
        requireStorable(parser, tree);
        return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
        return NullNode.getInstance();
    }

    private static void requireStorable(JsonParser parser, JsonNode node) throws UnstorableTextException {
        if (node.isTextual()) {
            reject(parser, StorableText.problem(node.textValue()));
        }
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                try {
                    requireStorable(parser, node.get(index));
                } catch (UnstorableTextException e) {
                    e.prependPath(node, index);
                    throw e;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                reject(parser, StorableText.problem(field.getKey()).map(problem -> "has a key that " + problem));
                requireStorable(parser, field.getValue());
            } catch (UnstorableTextException e) {
                e.prependPath(node, field.getKey());
                throw e;
            }
        }
    }

    private static void reject(JsonParser parser, Optional<String> problem) throws UnstorableTextException {
        if (problem.isPresent()) {
            throw new UnstorableTextException(parser, problem.get());
        }
    }
}
