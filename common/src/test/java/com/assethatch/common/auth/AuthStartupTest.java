package com.assethatch.common.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bearer settings that would let a wrong token in stop the service at start-up. */
class AuthStartupTest {

    @Test
    void acceptsRs256AndEs256WithIssuerAndAudience() {
        assertThatCode(() -> AuthStartup.checkBearerSettings(settings(Set.of(SignatureAlgorithm.RS256,
                SignatureAlgorithm.ES256), "https://issuer", Set.of("aud")), true)).doesNotThrowAnyException();
    }

    @Test
    void acceptsNoKeyAtAll() {
        JWTAuthContextInfo noKey = new JWTAuthContextInfo();
        noKey.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        assertThatCode(() -> AuthStartup.checkBearerSettings(noKey, true)).doesNotThrowAnyException();
    }

    @Test
    void refusesHmacAlgorithms() {
        assertThatThrownBy(() -> AuthStartup.checkBearerSettings(settings(Set.of(SignatureAlgorithm.RS256,
                SignatureAlgorithm.HS256), "https://issuer", Set.of("aud")), false))
                .hasMessageContaining("may only list RS256 and ES256");
    }

    @Test
    void refusesAKeyWithoutIssuerOrAudienceInProduction() {
        assertThatThrownBy(() -> AuthStartup.checkBearerSettings(settings(Set.of(SignatureAlgorithm.RS256),
                null, Set.of("aud")), true)).hasMessageContaining("mp.jwt.verify.issuer");
        assertThatThrownBy(() -> AuthStartup.checkBearerSettings(settings(Set.of(SignatureAlgorithm.RS256),
                "https://issuer", null), true)).hasMessageContaining("mp.jwt.verify.audiences");
    }

    @Test
    void toleratesSmallryeJwtsOwnDevKeyOutsideProduction() {
        assertThatCode(() -> AuthStartup.checkBearerSettings(settings(Set.of(SignatureAlgorithm.RS256), null, null),
                false)).doesNotThrowAnyException();
    }

    @Test
    void refusesOnePemKeyForTwoAlgorithms() {
        JWTAuthContextInfo pem = settings(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256), "https://issuer",
                Set.of("aud"));
        pem.setPublicKeyLocation("file:/keys/public.pem");
        assertThatThrownBy(() -> AuthStartup.checkBearerSettings(pem, true)).hasMessageContaining("give a JWKS");

        pem.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        assertThatCode(() -> AuthStartup.checkBearerSettings(pem, true)).doesNotThrowAnyException();
    }

    private static JWTAuthContextInfo settings(Set<SignatureAlgorithm> algorithms, String issuer, Set<String> audience) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setSignatureAlgorithm(algorithms);
        info.setPublicKeyLocation("file:/keys/jwks.json");
        info.setIssuedBy(issuer);
        info.setExpectedAudience(audience);
        return info;
    }
}
