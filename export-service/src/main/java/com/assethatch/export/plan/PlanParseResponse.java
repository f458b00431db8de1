package com.assethatch.export.plan;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What POST /api/plans/parse answers: the assets the export would see for this plan. */
@Schema(name = "ParsedPlan", description = "The plan's assets in plan order, and warnings about how it was read.")
public record PlanParseResponse(
        @Schema(description = "The project id the asset ids are built from.", example = "p") String projectId,
        @Schema(description = "composite or granular.", example = "composite") ParseMode mode,
        List<PlannedAsset> assets,
        @Schema(description = "Things a person may want to fix in the plan, e.g. an item without a name.")
        List<String> warnings) {

    static PlanParseResponse of(String projectId, ParseMode mode, ParsedPlan plan) {
        return new PlanParseResponse(projectId, mode, plan.assets(), plan.warnings());
    }
}
