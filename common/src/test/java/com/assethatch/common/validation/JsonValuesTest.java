package com.assethatch.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.assethatch.common.image.ImageFormat;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private enum Plain { FIRST, SECOND }

    @Test
    void anEnumWithAJsonValueListsThoseValuesInDeclarationOrder() {
        assertThat(JsonValues.of(ImageFormat.class)).containsExactly("image/png", "image/jpeg", "image/webp");
    }

    @Test
    void anEnumWithoutOneListsItsNames() {
        assertThat(JsonValues.of(Plain.class)).containsExactly("FIRST", "SECOND");
    }
}
