package com.assethatch.project.support;

import java.util.UUID;

/** Unique ids so every test owns its data and tests never depend on order. */
public final class TestIds {

    private TestIds() {
    }

    public static String projectId() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
