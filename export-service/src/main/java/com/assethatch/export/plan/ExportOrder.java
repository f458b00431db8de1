package com.assethatch.export.plan;

import java.util.List;

/**
 * The plan as the export matches approved images against it: every asset in plan order, each followed by the
 * assets its directions become in granular mode. A client approves an image under either id, the composite
 * one ({@code p-asset-0}) or a direction's ({@code p-asset-0-front}); both are here, so nobody has to take an
 * id apart to find which asset it belongs to.
 *
 * @param warnings what a person should know about how the plan was read, in either mode
 */
public record ExportOrder(List<Entry> entries, List<String> warnings) {

    public ExportOrder {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /**
     * One numbered plan asset.
     *
     * @param asset      the asset as composite mode gives it
     * @param directions what granular mode gives instead when it is a multi-direction variant, else empty;
     *                   each carries {@code asset}'s id plus {@code -<direction>}
     */
    public record Entry(PlannedAsset asset, List<PlannedAsset> directions) {

        public Entry {
            directions = List.copyOf(directions);
        }

        boolean multiDirection() {
            return !directions.isEmpty();
        }
    }
}
