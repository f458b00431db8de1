package com.assethatch.project.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.validation.JsonValues;
import org.junit.jupiter.api.Test;

class AssetStatusTest {

    @Test
    void theLiteralMessageListsExactlyTheStatuses() {
        assertThat(AssetStatus.RULE).isEqualTo(AssetStatus.ONE_OF.replace("{values}",
                String.join(", ", JsonValues.of(AssetStatus.class))));
    }

    @Test
    void statusesReadBackFromTheirJsonValue() {
        for (AssetStatus status : AssetStatus.values()) {
            assertThat(AssetStatus.of(status.value())).isEqualTo(status);
        }
        assertThatThrownBy(() -> AssetStatus.of("pending")).isInstanceOf(IllegalArgumentException.class);
    }
}
