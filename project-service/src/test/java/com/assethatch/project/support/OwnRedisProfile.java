package com.assethatch.project.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the service against a Redis the test owns (and may kill), with a fast relay. */
public class OwnRedisProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnRedisServer.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "asset-hatch.cache.relay.interval", "0.2s",
                "asset-hatch.cache.relay.grace", "PT0.1S",
                "asset-hatch.cache.relay.max-backoff", "PT0.5S");
    }

    /** The same, with the relay switched off, to see what reads do before any repair. */
    public static class WithoutRelay extends OwnRedisProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asset-hatch.cache.relay.interval", "off");
        }
    }
}
