package com.assethatch.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    private final ObjectMapper mapper = strictMapper();

    record Body(String name, Map<String, String> qualities, List<String> tags, JsonNode metadata) {
    }

    @Test
    void acceptsAnyValidUnicodeIncludingPairedSurrogates() {
        assertThat(StorableText.problem("Farmer 🧑‍🌾 — ünïcode, tabs\tand\nnewlines")).isEmpty();
        assertThat(StorableText.problem("")).isEmpty();
    }

    @Test
    void refusesNulAndUnpairedSurrogatesWhereverTheySit() {
        assertThat(StorableText.problem("a\u0000b")).hasValueSatisfying(p -> assertThat(p).contains("NUL"));
        assertThat(StorableText.problem("\ud800")).hasValueSatisfying(p -> assertThat(p).contains("U+D800"));
        assertThat(StorableText.problem("x\udc00")).hasValueSatisfying(p -> assertThat(p).contains("U+DC00"));
        assertThat(StorableText.problem("\ud83e")).isPresent();
        assertThat(StorableText.problem("\udfff\ud800")).isPresent();
    }

    @Test
    void aJsonBodyWithAnUnstorableStringNamesTheField() {
        assertRefusedAt("{\"name\": \"bad\\u0000name\"}", "name");
        assertRefusedAt("{\"qualities\": {\"mood\": \"\\ud800\"}}", "qualities.mood");
        assertRefusedAt("{\"tags\": [\"ok\", \"\\udc01\"]}", "tags.[1]");
        assertRefusedAt("{\"metadata\": {\"model\": {\"name\": \"a\\u0000\"}}}", "metadata.model.name");
        assertRefusedAt("{\"metadata\": {\"list\": [1, \"\\ud800\"]}}", "metadata.list.[1]");
        assertRefusedAt("{\"metadata\": {\"bad\\u0000key\": 1}}", "metadata.bad\u0000key");
    }

    @Test
    void storableBodiesReadAsBefore() throws Exception {
        Body body = mapper.readValue("""
                {"name": "Farm 🐄", "qualities": {"mood": null}, "tags": ["a"], "metadata": {"seed": 1, "x": [true]}}""",
                Body.class);
        assertThat(body.name()).isEqualTo("Farm 🐄");
        assertThat(body.qualities()).containsEntry("mood", null);
        assertThat(body.metadata().get("x").get(0).booleanValue()).isTrue();
        assertThat(mapper.readValue("{\"metadata\": null}", Body.class).metadata().isNull()).isTrue();
    }

    private void assertRefusedAt(String json, String path) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class))
                .isInstanceOfSatisfying(UnstorableTextException.class, e -> assertThat(e.getPath())
                        .extracting(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .containsExactly(path.split("\\.")));
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}
