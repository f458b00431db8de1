package com.assethatch.export.zip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterministicZipWriterTest {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5};

    @Test
    void storesImagesAndDeflatesText() throws IOException {
        byte[] archive = write(zip -> {
            zip.writeDeflated("manifest.json", "{\"a\": 1}".repeat(100).getBytes(UTF_8));
            zip.writeStored("characters/character_farmer.png", IMAGE);
        });

        List<ZipEntry> entries = entries(archive);
        assertThat(entries).extracting(ZipEntry::getName)
                .containsExactly("manifest.json", "characters/character_farmer.png");
        assertThat(entries.get(0).getMethod()).isEqualTo(ZipEntry.DEFLATED);
        assertThat(entries.get(1).getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(entries.get(1).getSize()).isEqualTo(IMAGE.length);
    }

    @Test
    void sameEntriesGiveByteIdenticalArchivesWhateverTheTimeZone() throws IOException {
        ZipContent content = zip -> {
            zip.writeDeflated("manifest.json", "{}".getBytes(UTF_8));
            zip.writeStored("a/b.png", IMAGE);
        };
        TimeZone original = TimeZone.getDefault();
        byte[] first;
        byte[] second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            first = write(content);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            second = write(content);
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyEntryCarriesTheFixedTime() throws IOException {
        byte[] archive = write(zip -> zip.writeStored("x.png", IMAGE));

        assertThat(entries(archive).get(0).getTimeLocal()).isEqualTo(ENTRY_TIME);
    }

    @Test
    void contentRoundTrips(@TempDir Path dir) throws IOException {
        byte[] archive = write(zip -> {
            zip.writeDeflated("manifest.json", "hello".getBytes(UTF_8));
            zip.writeStored("img/a.png", IMAGE);
        });
        Path file = Files.write(dir.resolve("pack.zip"), archive);

        try (ZipFile zipFile = new ZipFile(file.toFile())) {
            assertThat(zipFile.getInputStream(zipFile.getEntry("manifest.json")).readAllBytes()).isEqualTo("hello".getBytes(UTF_8));
            assertThat(zipFile.getInputStream(zipFile.getEntry("img/a.png")).readAllBytes()).isEqualTo(IMAGE);
        }
    }

    @Test
    void aNameCanBeUsedOnlyOnce() {
        assertThatThrownBy(() -> write(zip -> {
            zip.writeStored("a.png", IMAGE);
            zip.writeStored("a.png", IMAGE);
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x.png", "a/../../x.png", "a/./b.png", "a//b.png", "a\\b.png",
            "C:/x.png", "a/", "tab\there.png", ".."})
    void namesThatCouldEscapeTheArchiveAreRefused(String name) {
        assertThatThrownBy(() -> DeterministicZipWriter.requireSafeName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "style_anchor.png", "characters/character_farmer_idle.png",
            "unplanned/p-asset-9.webp", "a..b/c...png"})
    void ordinaryNamesAreAccepted(String name) {
        DeterministicZipWriter.requireSafeName(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00", "1980-01-01T00:00:00", "2108-01-01T00:00:00"})
    void entryTimesThatWouldDependOnTheTimeZoneAreRefused(String time) {
        assertThatThrownBy(() -> new DeterministicZipWriter(new ByteArrayOutputStream(), LocalDateTime.parse(time), 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEarliestAllowedTimeAddsNoExtendedTimestamp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeterministicZipWriter zip = new DeterministicZipWriter(out, DeterministicZipWriter.EARLIEST_ENTRY_TIME, 6)) {
            zip.writeStored("a.png", IMAGE);
            zip.finish();
        }
        // "UT" is the header id of the extended timestamp extra field.
        assertThat(indexOf(out.toByteArray(), new byte[] {0x55, 0x54})).isNegative();
    }

    @Test
    void moreEntriesThanTheClassicFormatHoldsSwitchToZip64() throws IOException {
        int count = 0xFFFF + 10;
        byte[] archive = write(zip -> {
            for (int i = 0; i < count; i++) {
                zip.writeStored("e/" + i + ".png", IMAGE);
            }
        });

        int read = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            while (in.getNextEntry() != null) {
                read++;
            }
        }
        assertThat(read).isEqualTo(count);
        // The ZIP64 end of central directory record.
        assertThat(indexOf(archive, new byte[] {0x50, 0x4b, 0x06, 0x06})).isPositive();
    }

    @FunctionalInterface
    interface ZipContent {
        void writeTo(DeterministicZipWriter zip) throws IOException;
    }

    private static byte[] write(ZipContent content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeterministicZipWriter zip = new DeterministicZipWriter(out, ENTRY_TIME, 6)) {
            content.writeTo(zip);
            zip.finish();
        }
        return out.toByteArray();
    }

    private static List<ZipEntry> entries(byte[] archive) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                in.readAllBytes();
                entries.add(entry);
            }
        }
        return Collections.unmodifiableList(entries);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
