package com.assethatch.export.plan;

import java.util.List;

/** The assets of a plan in plan order, and what a person should know about how it was read. */
public record ParsedPlan(List<PlannedAsset> assets, List<String> warnings) {

    public ParsedPlan {
        assets = assets == null ? List.of() : List.copyOf(assets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
