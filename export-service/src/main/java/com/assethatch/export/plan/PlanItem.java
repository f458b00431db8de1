package com.assethatch.export.plan;

import java.util.List;
import java.util.Map;

/**
 * A top-level list item of the plan as written, before any rule turns it into assets.
 *
 * @param line     1-based source line, 0 when unknown, for warnings
 * @param variants the non-metadata items nested under it, flattened in document order
 * @param notes    metadata items by lower-case label
 */
record PlanItem(String category, String text, int line, List<Line> variants, Map<String, String> notes) {

    /** The plain text of a nested item and where it is. */
    record Line(String text, int line) {
    }
}
