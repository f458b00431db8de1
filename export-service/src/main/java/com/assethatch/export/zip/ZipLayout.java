package com.assethatch.export.zip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A ZIP archive (APPNOTE.TXT 6.3) planned in full before its first byte: every entry's name, method and sizes are
 * known up front, so the archive's length and every entry's offset are too. That is what lets a download announce
 * its {@code Content-Length} and serve any byte range without producing the bytes before it.
 *
 * <p>The same entries always give the same bytes: every entry carries one DOS time (a local date-time, so no time
 * zone plays a part), names are flagged UTF-8, there are no comments and no extra fields except ZIP64's, which
 * appear only where a size, an offset or the entry count needs them. Stored entries carry their CRC-32 in the local
 * header (so readers such as {@link java.util.zip.ZipInputStream} need no data descriptor); it is only needed when
 * that header is written, i.e. once the entry's bytes have been read. Entry names are checked so that nothing can
 * escape the directory the archive is extracted into and no name is used twice.
 */
public final class ZipLayout {

    static final LocalDateTime EARLIEST_ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int LATEST_DOS_YEAR = 2107;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int END_SIZE = 22;
    private static final int ZIP64_END_SIZE = 56;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final short ZIP64_EXTRA_ID = 0x0001;
    private static final int VERSION_DEFAULT = 20;
    private static final int VERSION_ZIP64 = 45;
    private static final int FLAG_UTF8 = 0x0800;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;

    /** How an entry's bytes are kept. */
    public enum Method {
        STORED(0), DEFLATED(8);

        private final int code;

        Method(int code) {
            this.code = code;
        }
    }

    /**
     * One planned entry. {@code content} holds the compressed bytes of a deflated entry (made when it is planned);
     * a stored entry's bytes come later.
     */
    record Entry(String name, byte[] nameBytes, Method method, long size, long compressedSize, long offset,
            int crc, byte[] content) {

        boolean zip64Sizes() {
            return size >= MAX_32 || compressedSize >= MAX_32;
        }

        int localHeaderLength() {
            return LOCAL_HEADER_SIZE + nameBytes.length + (zip64Sizes() ? 20 : 0);
        }

        long end() {
            return offset + localHeaderLength() + compressedSize;
        }
    }

    private final List<Entry> entries;
    private final int dosTime;
    private final int dosDate;
    private final long centralDirectoryOffset;
    private final long centralDirectoryLength;
    private final boolean zip64End;
    private final long length;

    private ZipLayout(List<Entry> entries, int dosTime, int dosDate) {
        this.entries = List.copyOf(entries);
        this.dosTime = dosTime;
        this.dosDate = dosDate;
        this.centralDirectoryOffset = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).end();
        long directory = 0;
        for (Entry entry : entries) {
            directory += CENTRAL_HEADER_SIZE + entry.nameBytes().length + centralExtraLength(entry);
        }
        this.centralDirectoryLength = directory;
        this.zip64End = entries.size() >= MAX_16 || centralDirectoryOffset >= MAX_32 || directory >= MAX_32;
        this.length = centralDirectoryOffset + directory + (zip64End ? ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE : 0)
                + END_SIZE;
    }

    /** @param entryTime the modification time of every entry (1980 to 2107, kept to 2-second precision) */
    public static Builder builder(LocalDateTime entryTime) {
        return new Builder(entryTime);
    }

    /** Plans entries in archive order. One builder per archive; not thread-safe. */
    public static final class Builder {

        private final LocalDateTime entryTime;
        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private long offset;

        private Builder(LocalDateTime entryTime) {
            if (entryTime.isBefore(EARLIEST_ENTRY_TIME) || entryTime.getYear() > LATEST_DOS_YEAR) {
                throw new IllegalArgumentException("ZIP entry times must lie between " + EARLIEST_ENTRY_TIME + " and "
                        + LATEST_DOS_YEAR + ": " + entryTime);
            }
            this.entryTime = entryTime;
        }

        /** A compressed entry, for text such as the manifest: deflated now, at the given level (0–9). */
        public Builder deflated(String name, byte[] content, int level) {
            Deflater deflater = new Deflater(level, true);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try {
                deflater.setInput(content);
                deflater.finish();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
            } finally {
                deflater.end();
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            byte[] data = compressed.toByteArray();
            return add(name, Method.DEFLATED, content.length, data.length, (int) crc.getValue(), data);
        }

        /** An entry stored as it is, for content that is already compressed (PNG, JPEG, WebP). */
        public Builder stored(String name, long size) {
            return add(name, Method.STORED, size, size, 0, null);
        }

        public ZipLayout build() {
            return new ZipLayout(entries, dosTime(entryTime), dosDate(entryTime));
        }

        private Builder add(String name, Method method, long size, long compressedSize, int crc, byte[] content) {
            requireSafeName(name);
            if (!names.add(name)) {
                throw new IllegalArgumentException("The archive already has an entry named " + name);
            }
            Entry entry = new Entry(name, name.getBytes(StandardCharsets.UTF_8), method, size, compressedSize, offset,
                    crc, content);
            entries.add(entry);
            offset = entry.end();
            return this;
        }
    }

    /** Length of the whole archive in bytes. */
    public long length() {
        return length;
    }

    public int entryCount() {
        return entries.size();
    }

    public String name(int entry) {
        return entries.get(entry).name();
    }

    public Method method(int entry) {
        return entries.get(entry).method();
    }

    /** Uncompressed size of an entry. */
    public long size(int entry) {
        return entries.get(entry).size();
    }

    /** Where an entry's local header starts. */
    public long start(int entry) {
        return entries.get(entry).offset();
    }

    /** Where an entry's data ends. */
    public long end(int entry) {
        return entries.get(entry).end();
    }

    public long centralDirectoryOffset() {
        return centralDirectoryOffset;
    }

    /** A deflated entry's CRC-32, known since it was planned. */
    public int plannedCrc(int entry) {
        return entries.get(entry).crc();
    }

    /** A deflated entry's compressed bytes. */
    byte[] deflatedContent(int entry) {
        return entries.get(entry).content();
    }

    byte[] localHeader(int index, int crc) {
        Entry entry = entries.get(index);
        boolean zip64 = entry.zip64Sizes();
        ByteBuffer header = little(entry.localHeaderLength());
        header.putInt(LOCAL_HEADER)
                .putShort((short) (zip64 ? VERSION_ZIP64 : VERSION_DEFAULT))
                .putShort((short) FLAG_UTF8)
                .putShort((short) entry.method().code)
                .putShort((short) dosTime)
                .putShort((short) dosDate)
                .putInt(crc)
                .putInt((int) (zip64 ? MAX_32 : entry.compressedSize()))
                .putInt((int) (zip64 ? MAX_32 : entry.size()))
                .putShort((short) entry.nameBytes().length)
                .putShort((short) (zip64 ? 20 : 0))
                .put(entry.nameBytes());
        if (zip64) {
            header.putShort(ZIP64_EXTRA_ID).putShort((short) 16).putLong(entry.size()).putLong(entry.compressedSize());
        }
        return header.array();
    }

    /** The central directory and the end records, given every entry's CRC-32 in archive order. */
    byte[] centralDirectory(int[] crcs) {
        ByteBuffer directory = little(Math.toIntExact(length - centralDirectoryOffset));
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean bigSize = entry.size() >= MAX_32;
            boolean bigCompressed = entry.compressedSize() >= MAX_32;
            boolean bigOffset = entry.offset() >= MAX_32;
            int extra = centralExtraLength(entry);
            directory.putInt(CENTRAL_HEADER)
                    .putShort((short) (extra > 0 ? VERSION_ZIP64 : VERSION_DEFAULT))
                    .putShort((short) (extra > 0 || entry.zip64Sizes() ? VERSION_ZIP64 : VERSION_DEFAULT))
                    .putShort((short) FLAG_UTF8)
                    .putShort((short) entry.method().code)
                    .putShort((short) dosTime)
                    .putShort((short) dosDate)
                    .putInt(crcs[i])
                    .putInt((int) (bigCompressed ? MAX_32 : entry.compressedSize()))
                    .putInt((int) (bigSize ? MAX_32 : entry.size()))
                    .putShort((short) entry.nameBytes().length)
                    .putShort((short) extra)
                    .putShort((short) 0) // comment
                    .putShort((short) 0) // disk
                    .putShort((short) 0) // internal attributes
                    .putInt(0) // external attributes
                    .putInt((int) (bigOffset ? MAX_32 : entry.offset()))
                    .put(entry.nameBytes());
            if (extra > 0) {
                directory.putShort(ZIP64_EXTRA_ID).putShort((short) (extra - 4));
                if (bigSize) {
                    directory.putLong(entry.size());
                }
                if (bigCompressed) {
                    directory.putLong(entry.compressedSize());
                }
                if (bigOffset) {
                    directory.putLong(entry.offset());
                }
            }
        }
        long count = entries.size();
        if (zip64End) {
            long zip64EndOffset = centralDirectoryOffset + centralDirectoryLength;
            directory.putInt(ZIP64_END_OF_CENTRAL_DIRECTORY).putLong(ZIP64_END_SIZE - 12)
                    .putShort((short) VERSION_ZIP64).putShort((short) VERSION_ZIP64)
                    .putInt(0).putInt(0).putLong(count).putLong(count)
                    .putLong(centralDirectoryLength).putLong(centralDirectoryOffset);
            directory.putInt(ZIP64_LOCATOR).putInt(0).putLong(zip64EndOffset).putInt(1);
        }
        directory.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64End ? MAX_16 : count)).putShort((short) (zip64End ? MAX_16 : count))
                .putInt((int) (zip64End ? MAX_32 : centralDirectoryLength))
                .putInt((int) (zip64End ? MAX_32 : centralDirectoryOffset))
                .putShort((short) 0);
        return directory.array();
    }

    private static int centralExtraLength(Entry entry) {
        int fields = (entry.size() >= MAX_32 ? 1 : 0) + (entry.compressedSize() >= MAX_32 ? 1 : 0)
                + (entry.offset() >= MAX_32 ? 1 : 0);
        return fields == 0 ? 0 : 4 + 8 * fields;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int dosTime(LocalDateTime time) {
        return (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
    }

    private static int dosDate(LocalDateTime time) {
        return ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
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
