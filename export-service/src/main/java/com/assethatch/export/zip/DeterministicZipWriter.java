package com.assethatch.export.zip;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a ZIP archive entry by entry straight to an output stream, on top of {@link ZipOutputStream}
 * (which also switches to ZIP64 when sizes, offsets or the entry count need it).
 *
 * <p>The same entries in the same order always give the same bytes: every entry carries the same
 * DOS time (set as a local date-time, so the machine's time zone plays no part and no extended
 * timestamp field is added), there are no comments and no extra fields. Entry names are checked so
 * that nothing can escape the directory the archive is extracted into and no name is used twice.
 */
public final class DeterministicZipWriter implements Closeable {

    /**
     * The earliest time stored in DOS format alone: {@link ZipEntry#setTimeLocal} treats 1980-01-01 00:00:00
     * like an earlier time and adds a time-zone dependent extended timestamp field.
     */
    static final LocalDateTime EARLIEST_ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    private static final int LATEST_DOS_YEAR = 2107;

    private final ZipOutputStream zip;
    private final LocalDateTime entryTime;
    private final Set<String> names = new HashSet<>();
    private long payloadBytes;

    /**
     * @param out where the archive goes; closed by {@link #close()}
     * @param entryTime the modification time of every entry (from 1980-01-01 00:00:02 to 2107, kept to 2-second precision)
     * @param deflateLevel the {@link java.util.zip.Deflater} level for deflated entries (0–9)
     */
    public DeterministicZipWriter(OutputStream out, LocalDateTime entryTime, int deflateLevel) {
        if (entryTime.isBefore(EARLIEST_ENTRY_TIME) || entryTime.getYear() > LATEST_DOS_YEAR) {
            throw new IllegalArgumentException(
                    "ZIP entry times must lie between " + EARLIEST_ENTRY_TIME + " and " + LATEST_DOS_YEAR + ": " + entryTime);
        }
        this.zip = new ZipOutputStream(out);
        this.zip.setLevel(deflateLevel);
        this.entryTime = entryTime;
    }

    /** Adds a compressed entry: for text such as the manifest. */
    public void writeDeflated(String name, byte[] content) throws IOException {
        ZipEntry entry = newEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        payloadBytes += content.length;
    }

    /** Adds an entry stored as is: for content that is already compressed, such as PNG, JPEG or WebP images. */
    public void writeStored(String name, byte[] content) throws IOException {
        ZipEntry entry = newEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        payloadBytes += content.length;
    }

    /** Writes the central directory; the archive is complete afterwards. Does not close the stream. */
    public void finish() throws IOException {
        zip.finish();
    }

    /** Uncompressed bytes of all entries written so far. */
    public long payloadBytes() {
        return payloadBytes;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private ZipEntry newEntry(String name) {
        requireSafeName(name);
        if (!names.add(name)) {
            throw new IllegalArgumentException("The archive already has an entry named " + name);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(entryTime);
        return entry;
    }

    /**
     * A relative path of non-empty segments separated by {@code /}: no leading slash, no backslash,
     * no drive letter, no {@code .} or {@code ..} segment, no control character.
     */
    public static void requireSafeName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An archive entry needs a name");
        }
        boolean safe = name.charAt(0) != '/' && name.indexOf('\\') < 0 && name.indexOf(':') < 0
                && name.chars().noneMatch(Character::isISOControl);
        if (safe) {
            for (String segment : name.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    safe = false;
                    break;
                }
            }
        }
        if (!safe) {
            throw new IllegalArgumentException("Unsafe archive entry name: " + name);
        }
    }
}
