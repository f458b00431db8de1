package com.assethatch.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string (or object key) that {@link StorableText} refuses; Jackson adds the field path as it unwinds. */
public final class UnstorableTextException extends JsonMappingException {

    private final String problem;

    UnstorableTextException(JsonParser parser, String problem) {
        super(parser, problem);
        this.problem = problem;
    }

    /** The problem without a location, e.g. "contains a NUL character (U+0000), which cannot be stored". */
    public String problem() {
        return problem;
    }
}
