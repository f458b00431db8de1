package com.assethatch.export.plan;

import java.util.Arrays;
import java.util.Locale;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Times {@link PlanParser} on a generated 10,000-asset plan against commonmark-java's bare {@code Parser.parse}
 * of the same text, so the cost of our rules shows as a ratio that does not depend on the machine.
 * Not a test (surefire only runs *Test classes): run it with {@code scripts/bench-plan-parser}.
 */
public final class PlanParserBenchmark {

    private static final int ASSETS = 10_000;
    private static final int WARM_UP_RUNS = 15;
    private static final int MEASURED_RUNS = 21;
    private static final String[] CATEGORIES = {"Characters", "Enemies", "Items & Props", "Environment", "UI"};
    private static final String[] VARIANTS = {
        "Idle (4-direction)", "Walk (8-direction, 6 frames)", "Jump (8-frame)", "Attack", "Run (4 directions)",
    };

    private PlanParserBenchmark() {
    }

    public static void main(String[] args) {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : ASSETS;
        String plan = generatePlan(assets);
        PlanParser planParser = new PlanParser();
        Parser bare = Parser.builder().build();
        Parser withSpans = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

        ParsedPlan parsed = planParser.parse(plan, ParseMode.COMPOSITE, "bench");
        System.out.printf(Locale.ROOT, "plan: %d top-level assets, %d lines, %.1f KiB -> %d assets, %d warnings%n",
                assets, plan.lines().count(), plan.length() / 1024.0, parsed.assets().size(),
                parsed.warnings().size());

        double ours = medianMillis(() -> planParser.parse(plan, ParseMode.COMPOSITE, "bench"));
        double granular = medianMillis(() -> planParser.parse(plan, ParseMode.GRANULAR, "bench"));
        double baseline = medianMillis(() -> bare.parse(plan));
        double spans = medianMillis(() -> withSpans.parse(plan));
        System.out.printf(Locale.ROOT, "PlanParser.parse composite   median %8.2f ms%n", ours);
        System.out.printf(Locale.ROOT, "PlanParser.parse granular    median %8.2f ms%n", granular);
        System.out.printf(Locale.ROOT, "commonmark Parser.parse      median %8.2f ms  (baseline)%n", baseline);
        System.out.printf(Locale.ROOT, "commonmark with source spans median %8.2f ms%n", spans);
        System.out.printf(Locale.ROOT, "ratio PlanParser / commonmark baseline: %.2fx%n", ours / baseline);
    }

    /** Median of the measured runs after warm-up runs that let the JIT compile the hot paths. */
    private static double medianMillis(Runnable work) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            work.run();
        }
        double[] millis = new double[MEASURED_RUNS];
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis[MEASURED_RUNS / 2];
    }

    /** A plan shaped like real ones: a category every 50 assets, a third of them with variants and a description. */
    static String generatePlan(int assets) {
        StringBuilder plan = new StringBuilder("# Benchmark Plan\n\n");
        for (int i = 0; i < assets; i++) {
            if (i % 50 == 0) {
                plan.append("\n## ").append(CATEGORIES[(i / 50) % CATEGORIES.length]).append(' ').append(i / 50)
                        .append("\n\n");
            }
            plan.append(i % 7 == 0 ? "- [MOVEABLE:8] Hero_" : "- Asset ").append(i).append('\n');
            if (i % 3 == 0) {
                plan.append("  - Description: a *detailed* look, number ").append(i).append('\n');
                plan.append("  - ").append(VARIANTS[i % VARIANTS.length]).append('\n');
                plan.append("  - ").append(VARIANTS[(i + 2) % VARIANTS.length]).append('\n');
            }
        }
        return plan.toString();
    }
}
