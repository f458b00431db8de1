package com.assethatch.export.plan;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.commonmark.parser.Parser;

/**
 * Times {@link PlanParser} on a generated 10,000-asset plan against commonmark-java's bare {@code Parser.parse}
 * of the same text. Each measured round runs both back to back, so load from other processes hits both alike
 * and the ratio stays meaningful on a busy machine. Not a test (surefire only runs *Test classes): run it with
 * {@code scripts/bench --plan-parser --only plan-parser}, or with its main arguments {@code [assets] [rounds]}.
 */
public final class PlanParserBenchmark {

    private static final int DEFAULT_ASSETS = 10_000;
    private static final int DEFAULT_ROUNDS = 31;
    private static final int WARM_UP_ROUNDS = 40;
    private static final String[] CATEGORIES = {"Characters", "Enemies", "Items & Props", "Environment", "UI"};
    private static final String[] VARIANTS = {
        "Idle (4-direction)", "Walk (8-direction, 6 frames)", "Jump (8-frame)", "Attack", "Run (4 directions)",
    };

    private PlanParserBenchmark() {
    }

    public static void main(String[] args) {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ASSETS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        String plan = generatePlan(assets);
        PlanParser planParser = new PlanParser();
        Parser commonmark = Parser.builder().build();

        ParsedPlan parsed = planParser.parse(plan, ParseMode.COMPOSITE, "bench");
        System.out.printf(Locale.ROOT, "plan: %d top-level items, %d lines, %.0f KiB -> %d assets, %d warnings%n",
                assets, plan.lines().count(), plan.length() / 1024.0, parsed.assets().size(),
                parsed.warnings().size());

        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            commonmark.parse(plan);
            planParser.parse(plan, ParseMode.COMPOSITE, "bench");
            planParser.parse(plan, ParseMode.GRANULAR, "bench");
        }
        double[] baseline = new double[rounds];
        double[] composite = new double[rounds];
        double[] granular = new double[rounds];
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            baseline[i] = millis(() -> commonmark.parse(plan));
            composite[i] = millis(() -> planParser.parse(plan, ParseMode.COMPOSITE, "bench"));
            granular[i] = millis(() -> planParser.parse(plan, ParseMode.GRANULAR, "bench"));
            ratios[i] = composite[i] / baseline[i];
        }
        System.out.printf(Locale.ROOT, "median of %d rounds after %d warm-up rounds (system load %.1f on %d cpus):%n",
                rounds, WARM_UP_ROUNDS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  PlanParser.parse, composite  %8.2f ms%n", median(composite));
        System.out.printf(Locale.ROOT, "  PlanParser.parse, granular   %8.2f ms%n", median(granular));
        System.out.printf(Locale.ROOT, "  commonmark Parser.parse      %8.2f ms  (baseline)%n", median(baseline));
        System.out.printf(Locale.ROOT, "  ratio composite / baseline   %8.2f x  (median of per-round ratios)%n",
                median(ratios));
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A plan shaped like real ones: a category every 50 items, a third of them with a description and variants. */
    static String generatePlan(int assets) {
        StringBuilder plan = new StringBuilder("# Benchmark Plan\n\n");
        for (int i = 0; i < assets; i++) {
            if (i % 50 == 0) {
                plan.append("\n## ").append(CATEGORIES[(i / 50) % CATEGORIES.length]).append(' ').append(i / 50)
                        .append("\n\n");
            }
            plan.append(i % 7 == 0 ? "- [MOVEABLE:8] **Hero_" + i + "**\n" : "- Asset " + i + "\n");
            if (i % 3 == 0) {
                plan.append("  - Description: a *detailed* look, number ").append(i).append('\n');
                plan.append("  - ").append(VARIANTS[i % VARIANTS.length]).append('\n');
                plan.append("  - ").append(VARIANTS[(i + 2) % VARIANTS.length]).append('\n');
            }
        }
        return plan.toString();
    }
}
