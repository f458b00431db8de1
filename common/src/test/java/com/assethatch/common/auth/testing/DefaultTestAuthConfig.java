package com.assethatch.common.auth.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes every {@code @QuarkusTest} application of a module with common's test-jar trust {@link TestCredentials}
 * (the same settings as {@link AuthTestResource}) without a test resource per class (registered in META-INF/services).
 * Its ordinal is above environment variables (300), so a shell that exported .local/auth.env cannot swap the test
 * keys for the dev keys; test profiles and test resources still override it. Off where the system property
 * {@value #SWITCH} is false.
 */
public class DefaultTestAuthConfig implements ConfigSource {

    /** System property that switches the default credentials off (common sets it for its own tests). */
    public static final String SWITCH = "asset-hatch.test.default-credentials";
    static final int ORDINAL = 350;
    private static final Set<String> NAMES = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.issuer",
            "mp.jwt.verify.audiences", "asset-hatch.auth.session.secret");

    private Map<String, String> values;

    static boolean enabled() {
        return !"false".equals(System.getProperty(SWITCH));
    }

    @Override
    public Set<String> getPropertyNames() {
        return enabled() ? NAMES : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!enabled() || !NAMES.contains(propertyName)) {
            return null;
        }
        return values().get(propertyName);
    }

    /** Made on first use: the keys cost a key generation, and most names asked for are not these. */
    private synchronized Map<String, String> values() {
        if (values == null) {
            values = new AuthTestResource().start();
        }
        return values;
    }

    @Override
    public String getName() {
        return "asset-hatch test credentials (common test-jar)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
