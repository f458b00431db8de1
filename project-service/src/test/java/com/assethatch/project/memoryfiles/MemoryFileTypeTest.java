package com.assethatch.project.memoryfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.validation.JsonValues;
import org.junit.jupiter.api.Test;

class MemoryFileTypeTest {

    @Test
    void theLiteralMessageListsExactlyTheTypes() {
        assertThat(MemoryFileType.RULE).isEqualTo(MemoryFileType.ONE_OF.replace("{values}",
                String.join(", ", JsonValues.of(MemoryFileType.class))));
    }

    @Test
    void typesReadBackFromTheirFileName() {
        for (MemoryFileType type : MemoryFileType.values()) {
            assertThat(MemoryFileType.of(type.fileName())).isEqualTo(type);
        }
    }
}
