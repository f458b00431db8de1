package com.assethatch.export.zip;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the bytes {@code first..last} (inclusive) of a {@link ZipLayout} to a stream, entry by entry in archive
 * order; whatever lies outside the range is skipped without being produced. The whole archive is the range
 * {@code 0..length-1}. Entries must be written in order, each once; not thread-safe.
 */
public final class ZipRangeWriter {

    private final ZipLayout layout;
    private final OutputStream out;
    private final long first;
    private final long last;
    private long written;

    public ZipRangeWriter(ZipLayout layout, OutputStream out, long first, long last) {
        if (first < 0 || last < first || last >= layout.length()) {
            throw new IllegalArgumentException("No such range of a " + layout.length() + "-byte archive: " + first
                    + "-" + last);
        }
        this.layout = layout;
        this.out = out;
        this.first = first;
        this.last = last;
    }

    /** Whether any byte of the entry (header or data) lies in the range. */
    public boolean covers(int entry) {
        return layout.start(entry) <= last && layout.end(entry) > first;
    }

    /** Whether any byte of the central directory lies in the range: then every entry's CRC-32 is needed. */
    public boolean coversCentralDirectory() {
        return last >= layout.centralDirectoryOffset();
    }

    /** Writes a deflated entry (its bytes are part of the layout). */
    public void writeDeflated(int entry) throws IOException {
        writeEntry(entry, layout.plannedCrc(entry), List.of(layout.deflatedContent(entry)));
    }

    /**
     * Writes a stored entry.
     *
     * @param chunks the entry's bytes in order; together exactly {@link ZipLayout#size(int)} bytes
     */
    public void writeStored(int entry, int crc, List<byte[]> chunks) throws IOException {
        writeEntry(entry, crc, chunks);
    }

    /** @param crcs every entry's CRC-32, in archive order */
    public void writeCentralDirectory(int[] crcs) throws IOException {
        if (coversCentralDirectory()) {
            emit(layout.centralDirectoryOffset(), layout.centralDirectory(crcs));
        }
    }

    /** Bytes written to the stream so far. */
    public long written() {
        return written;
    }

    private void writeEntry(int entry, int crc, List<byte[]> chunks) throws IOException {
        if (!covers(entry)) {
            return;
        }
        long at = layout.start(entry);
        byte[] header = layout.localHeader(entry, crc);
        emit(at, header);
        at += header.length;
        for (byte[] chunk : chunks) {
            emit(at, chunk);
            at += chunk.length;
        }
        if (at != layout.end(entry)) {
            throw new IllegalArgumentException(layout.name(entry) + " has " + (at - layout.start(entry) - header.length)
                    + " bytes, its layout " + (layout.end(entry) - layout.start(entry) - header.length));
        }
    }

    /** Writes the part of {@code bytes}, which sit at archive offset {@code at}, that lies in the range. */
    private void emit(long at, byte[] bytes) throws IOException {
        long from = Math.max(at, first);
        long to = Math.min(at + bytes.length - 1, last);
        if (from <= to) {
            out.write(bytes, (int) (from - at), (int) (to - from + 1));
            written += to - from + 1;
        }
    }
}
