package com.assethatch.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.util.Optional;

/** Every string field of every request body passes {@link StorableText}. */
final class StorableStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        Optional<String> problem = text == null ? Optional.empty() : StorableText.problem(text);
        if (problem.isPresent()) {
            throw new UnstorableTextException(parser, problem.get());
        }
        return text;
    }
}
