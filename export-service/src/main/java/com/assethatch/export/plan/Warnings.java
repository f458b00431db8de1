package com.assethatch.export.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects warnings for one parse, capped so a pathological plan cannot flood a response or a manifest. */
final class Warnings {

    static final int MAX_WARNINGS = 200;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    void add(String message) {
        if (messages.size() < MAX_WARNINGS) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    void atLine(int line, String message) {
        add(line > 0 ? "Line " + line + ": " + message : message);
    }

    List<String> list() {
        if (dropped == 0) {
            return List.copyOf(messages);
        }
        List<String> all = new ArrayList<>(messages);
        all.add("… and " + dropped + " more warnings");
        return List.copyOf(all);
    }
}
