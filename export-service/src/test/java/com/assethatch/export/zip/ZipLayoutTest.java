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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZipLayoutTest {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5};
    private static final byte[] MANIFEST = "{\"a\": 1}".repeat(100).getBytes(UTF_8);

    @Test
    void storesImagesAndDeflatesText() throws IOException {
        byte[] archive = whole(ordered("manifest.json", MANIFEST, "characters/character_farmer.png", IMAGE));

        List<ZipEntry> entries = entries(archive);
        assertThat(entries).extracting(ZipEntry::getName)
                .containsExactly("manifest.json", "characters/character_farmer.png");
        assertThat(entries.get(0).getMethod()).isEqualTo(ZipEntry.DEFLATED);
        assertThat(entries.get(1).getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(entries.get(1).getSize()).isEqualTo(IMAGE.length);
    }

    @Test
    void theLengthIsKnownBeforeAnyByteIsWritten() throws IOException {
        Map<String, byte[]> files = ordered("manifest.json", MANIFEST, "a/b.png", IMAGE, "a/c.png", new byte[70_000]);
        ZipLayout layout = layout(files);

        assertThat(write(layout, contents(files), 0, layout.length() - 1)).hasSize((int) layout.length());
    }

    @Test
    void everyRangeIsTheSameSliceOfTheWholeArchive() throws IOException {
        Map<String, byte[]> files = ordered("manifest.json", MANIFEST, "a/b.png", IMAGE, "a/c.png", new byte[5000]);
        ZipLayout layout = layout(files);
        byte[] whole = write(layout, contents(files), 0, layout.length() - 1);

        long length = layout.length();
        for (long[] range : new long[][] {{0, 0}, {0, 29}, {30, 31}, {100, length - 1}, {length - 1, length - 1},
                {layout.start(2) + 3, layout.end(2) + 10}, {layout.centralDirectoryOffset(), length - 1}}) {
            byte[] slice = write(layout, contents(files), range[0], range[1]);
            assertThat(slice).as("bytes %d-%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(whole, (int) range[0], (int) range[1] + 1));
        }
    }

    @Test
    void aRangeReportsWhichEntriesItReaches() {
        Map<String, byte[]> files = ordered("manifest.json", MANIFEST, "a/b.png", IMAGE, "a/c.png", new byte[5000]);
        ZipLayout layout = layout(files);

        ZipRangeWriter tail = new ZipRangeWriter(layout, new ByteArrayOutputStream(), layout.start(2) + 1,
                layout.length() - 1);
        ZipRangeWriter head = new ZipRangeWriter(layout, new ByteArrayOutputStream(), 0, layout.start(1));

        assertThat(tail.covers(1)).isFalse();
        assertThat(tail.covers(2)).isTrue();
        assertThat(tail.coversCentralDirectory()).isTrue();
        assertThat(head.covers(0)).isTrue();
        assertThat(head.covers(1)).isTrue();
        assertThat(head.covers(2)).isFalse();
        assertThat(head.coversCentralDirectory()).isFalse();
    }

    @Test
    void sameEntriesGiveByteIdenticalArchives() throws IOException {
        Map<String, byte[]> files = ordered("manifest.json", "{}".getBytes(UTF_8), "a/b.png", IMAGE);

        assertThat(whole(files)).isEqualTo(whole(files));
    }

    @Test
    void everyEntryCarriesTheFixedTime() throws IOException {
        assertThat(entries(whole(ordered("x.png", IMAGE))).get(0).getTimeLocal()).isEqualTo(ENTRY_TIME);
    }

    @Test
    void contentRoundTripsThroughZipFileAndUnzip(@TempDir Path dir) throws Exception {
        byte[] archive = whole(ordered("manifest.json", "hello".getBytes(UTF_8), "img/a.png", IMAGE));
        Path file = Files.write(dir.resolve("pack.zip"), archive);

        try (ZipFile zipFile = new ZipFile(file.toFile())) {
            assertThat(zipFile.getInputStream(zipFile.getEntry("manifest.json")).readAllBytes()).isEqualTo("hello".getBytes(UTF_8));
            assertThat(zipFile.getInputStream(zipFile.getEntry("img/a.png")).readAllBytes()).isEqualTo(IMAGE);
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unzip")), "unzip is not installed");
        Process unzip = new ProcessBuilder("unzip", "-t", file.toString()).redirectErrorStream(true).start();
        String output = new String(unzip.getInputStream().readAllBytes());
        assertThat(unzip.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("No errors detected");
    }

    @Test
    void aNameCanBeUsedOnlyOnce() {
        assertThatThrownBy(() -> ZipLayout.builder(ENTRY_TIME).stored("a.png", 1).stored("a.png", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    }

    @Test
    void storedBytesThatDoNotMatchTheLayoutAreRefused() {
        ZipLayout layout = ZipLayout.builder(ENTRY_TIME).stored("a.png", 5).build();
        ZipRangeWriter writer = new ZipRangeWriter(layout, new ByteArrayOutputStream(), 0, layout.length() - 1);

        assertThatThrownBy(() -> writer.writeStored(0, 0, List.of(new byte[4])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x.png", "a/../../x.png", "a/./b.png", "a//b.png", "a\\b.png",
            "C:/x.png", "a/", "tab\there.png", ".."})
    void namesThatCouldEscapeTheArchiveAreRefused(String name) {
        assertThatThrownBy(() -> ZipLayout.requireSafeName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "style_anchor.png", "characters/character_farmer_idle.png",
            "unplanned/p-asset-9.webp", "a..b/c...png"})
    void ordinaryNamesAreAccepted(String name) {
        ZipLayout.requireSafeName(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00", "1979-12-31T23:59:59", "2108-01-01T00:00:00"})
    void entryTimesOutsideTheDosRangeAreRefused(String time) {
        assertThatThrownBy(() -> ZipLayout.builder(LocalDateTime.parse(time)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1"})
    void rangesOutsideTheArchiveAreRefused(long beyondStart, long beyondEnd) {
        ZipLayout layout = ZipLayout.builder(ENTRY_TIME).stored("a.png", 1).build();

        assertThatThrownBy(() -> new ZipRangeWriter(layout, new ByteArrayOutputStream(),
                layout.length() + beyondStart, layout.length() + beyondEnd))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreEntriesThanTheClassicFormatHoldsSwitchToZip64() throws IOException {
        int count = 0xFFFF + 10;
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("e/" + i + ".png", IMAGE);
        }
        byte[] archive = whole(files);

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

    /** Entries named *.json are deflated, the others stored, in the map's order. */
    private static ZipLayout layout(Map<String, byte[]> files) {
        ZipLayout.Builder builder = ZipLayout.builder(ENTRY_TIME);
        files.forEach((name, content) -> {
            if (name.endsWith(".json")) {
                builder.deflated(name, content, 6);
            } else {
                builder.stored(name, content.length);
            }
        });
        return builder.build();
    }

    private static byte[] whole(Map<String, byte[]> files) throws IOException {
        ZipLayout layout = layout(files);
        return write(layout, contents(files), 0, layout.length() - 1);
    }

    private static List<byte[]> contents(Map<String, byte[]> files) {
        return new ArrayList<>(files.values());
    }

    private static byte[] write(ZipLayout layout, List<byte[]> contents, long first, long last) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipRangeWriter writer = new ZipRangeWriter(layout, out, first, last);
        int[] crcs = new int[layout.entryCount()];
        for (int i = 0; i < layout.entryCount(); i++) {
            if (layout.method(i) == ZipLayout.Method.DEFLATED) {
                crcs[i] = layout.plannedCrc(i);
                writer.writeDeflated(i);
            } else {
                CRC32 crc = new CRC32();
                crc.update(contents.get(i));
                crcs[i] = (int) crc.getValue();
                writer.writeStored(i, crcs[i], List.of(contents.get(i)));
            }
        }
        writer.writeCentralDirectory(crcs);
        assertThat(writer.written()).isEqualTo(last - first + 1);
        return out.toByteArray();
    }

    private static Map<String, byte[]> ordered(Object... namesAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
        }
        return files;
    }

    private static List<ZipEntry> entries(byte[] archive) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                in.readAllBytes();
                entries.add(entry);
            }
        }
        return entries;
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
