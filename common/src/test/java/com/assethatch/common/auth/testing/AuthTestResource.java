package com.assethatch.common.auth.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Configures the application under test to trust {@link TestCredentials}: the test keys' JWKS (RS256 and ES256,
 * common's default algorithms), issuer, audience, and the test AUTH_SECRET for Auth.js session cookies. Use with
 * {@code @WithTestResource(AuthTestResource.class)}.
 */
public class AuthTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", TestCredentials.publicJwks(),
                "mp.jwt.verify.issuer", TestCredentials.ISSUER,
                "mp.jwt.verify.audiences", TestCredentials.AUDIENCE,
                "asset-hatch.auth.session.secret", TestCredentials.sessionSecret());
    }

    @Override
    public void stop() {
        // Nothing runs: the keys and the secret are only values.
    }
}
