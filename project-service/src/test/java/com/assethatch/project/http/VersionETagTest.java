package com.assethatch.project.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.error.ApiException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionETagTest {

    @Test
    void aVersionIsAQuotedEntityTag() {
        assertThat(VersionETag.of(42)).isEqualTo("\"42\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"42\"", "W/\"42\"", "42", "  \"42\"  "})
    void ifMatchAcceptsTheTagAsSentOrWeakOrBare(String header) {
        assertThat(VersionETag.parseIfMatch(header).versions()).contains(Set.of(42L));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", " * "})
    void noHeaderOrAStarMeansAnyVersion(String header) {
        assertThat(VersionETag.parseIfMatch(header).isAny()).isTrue();
    }

    @Test
    void aListAllowsEachVersionItNames() {
        assertThat(VersionETag.parseIfMatch("\"41\", W/\"43\",,\"v0\"").versions()).contains(Set.of(41L, 43L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"v0\"", "\"abc\"", "\"\"", "\"1234567890123456789\"", "W/\"x,y\"", ","})
    void aWellFormedTagThatNamesNoVersionMatchesNothing(String header) {
        var expected = VersionETag.parseIfMatch(header);
        assertThat(expected.isAny()).isFalse();
        assertThat(expected.allows(0)).isFalse();
        assertThat(expected.allows(1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0", "\"42", "-1", "W/", "*, \"1\"", "\"a\" \"b\"", "\"a\"b", "\"tab\tin\"", "1234567890123456789"})
    void onlyAHeaderThatIsNoEntityTagListIsABadRequest(String header) {
        assertThatThrownBy(() -> VersionETag.parseIfMatch(header))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("\"42\"").contains(header);
                });
    }
}
