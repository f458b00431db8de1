package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Farm Game|Farm_Game_assets.zip",
        "Farm\u00A0Game\u3000X|Farm_Game_X_assets.zip",
        "Asset Pack|Asset_Pack_assets.zip"})
    void whitespaceRunsBecomeOneUnderscoreAsInTheOriginal(String name, String expected) {
        assertThat(ExportFileName.of(name)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void leadingTrailingAndMixedWhitespaceCollapseToo() {
        assertThat(ExportFileName.of("  Farm \t\r\n Game  ")).isEqualTo("_Farm_Game__assets.zip");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Farm Game|attachment; filename=\"Farm_Game_assets.zip\"; filename*=UTF-8''Farm_Game_assets.zip",
        "Say \"hi\"|attachment; filename=\"Say__hi__assets.zip\"; filename*=UTF-8''Say_%22hi%22_assets.zip",
        "a\\b|attachment; filename=\"a_b_assets.zip\"; filename*=UTF-8''a%5Cb_assets.zip",
        "Café|attachment; filename=\"Caf__assets.zip\"; filename*=UTF-8''Caf%C3%A9_assets.zip",
        "農場|attachment; filename=\"___assets.zip\"; filename*=UTF-8''%E8%BE%B2%E5%A0%B4_assets.zip",
        "50% off; ok|attachment; filename=\"50%_off;_ok_assets.zip\"; filename*=UTF-8''50%25_off%3B_ok_assets.zip",
        "🐔|attachment; filename=\"__assets.zip\"; filename*=UTF-8''%F0%9F%90%94_assets.zip"})
    void theHeaderHasASafeAsciiNameAndThePercentEncodedUtf8Name(String name, String expected) {
        assertThat(ExportFileName.contentDisposition(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a\u0007b|a_b", "tab\u007Fdel|tab_del"})
    void controlCharactersNeverReachTheAsciiName(String name, String expected) {
        assertThat(ExportFileName.asciiFallback(name)).isEqualTo(expected);
    }
}
