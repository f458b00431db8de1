package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.export.pack.ExportRows.ProjectRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The last check before the first byte: entry names that are unsafe or taken twice never reach the stream. */
class PackLayoutTest {

    private static final ProjectRow PROJECT = TestRows.project().row();
    private static final Manifest MANIFEST = new Manifest(null, null, List.of(), List.of());

    @Test
    void twoFilesWhoseNamesDifferOnlyInCaseAreRefused() {
        assertThatThrownBy(() -> new PackLayout(PROJECT, MANIFEST, Optional.empty(),
                List.of(file("ui/Button.png"), file("ui/button.png"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileNamedLikeTheManifestIsRefused() {
        assertThatThrownBy(() -> new PackLayout(PROJECT, MANIFEST, Optional.of(file("MANIFEST.json")), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPathThatCouldEscapeTheArchiveIsRefused() {
        assertThatThrownBy(() -> new PackLayout(PROJECT, MANIFEST, Optional.empty(), List.of(file("../etc/passwd"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PackLayout.File file(String path) {
        return new PackLayout.File(path, "id", "sha", 1);
    }
}
