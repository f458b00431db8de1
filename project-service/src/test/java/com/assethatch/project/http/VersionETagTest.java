package com.assethatch.project.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.error.ApiException;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
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
        assertThat(VersionETag.parseIfMatch(header)).isEqualTo(OptionalLong.of(42));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", " * "})
    void noHeaderOrAStarMeansAnyVersion(String header) {
        assertThat(VersionETag.parseIfMatch(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"42\", \"43\"", "-1", "\"1234567890123456789\"", "W/"})
    void anythingElseIsABadRequestThatShowsTheExpectedForm(String header) {
        assertThatThrownBy(() -> VersionETag.parseIfMatch(header))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("\"42\"").contains(header);
                });
    }
}
