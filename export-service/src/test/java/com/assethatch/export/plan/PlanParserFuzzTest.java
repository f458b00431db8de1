package com.assethatch.export.plan;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the plan parser (Jazzer): whatever the text, {@link PlanParser#parse} and
 * {@link PlanParser#exportOrder} return, never throw. In a normal build this runs the inputs in
 * {@code PlanParserFuzzTestInputs/} (regression mode, without Jazzer's sanitizer hooks: see the root pom);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}, hooks on.
 */
class PlanParserFuzzTest {

    private final PlanParser parser = new PlanParser();

    @FuzzTest(maxDuration = "60s")
    void parsingNeverThrows(FuzzedDataProvider data) {
        ParseMode mode = data.consumeBoolean() ? ParseMode.GRANULAR : ParseMode.COMPOSITE;
        String projectId = data.consumeString(40);
        String markdown = data.consumeRemainingAsString();
        parser.parse(markdown, mode, projectId);
        parser.exportOrder(markdown, projectId);
    }
}
