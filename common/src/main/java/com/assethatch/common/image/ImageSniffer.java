package com.assethatch.common.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Identifies PNG, JPEG and WebP by their signatures (never by a file name or a client's Content-Type)
 * and reads the pixel size from the header. Only the first bytes are inspected; nothing is decoded.
 */
public final class ImageSniffer {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_IHDR_END = 24;
    private static final int JPEG_SOI_LENGTH = 3;
    private static final int WEBP_HEADER_LENGTH = 12;
    private static final int WEBP_CHUNK_DATA = 20;
    private static final int VP8_DIMENSION_MASK = 0x3FFF;

    private ImageSniffer() {
    }

    /** The image's format and size, or empty when the bytes are not a PNG, JPEG or WebP. */
    public static Optional<ImageInfo> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(png(bytes));
        }
        if (bytes.length >= JPEG_SOI_LENGTH && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return Optional.of(jpeg(bytes));
        }
        if (bytes.length >= WEBP_HEADER_LENGTH && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(webp(bytes));
        }
        return Optional.empty();
    }

    private static ImageInfo png(byte[] bytes) {
        if (bytes.length >= PNG_IHDR_END && ascii(bytes, 12, "IHDR")) {
            return sized(ImageFormat.PNG, be32(bytes, 16), be32(bytes, 20));
        }
        return unsized(ImageFormat.PNG);
    }

    /** Walks the marker segments up to the first start-of-frame, which holds the size. */
    private static ImageInfo jpeg(byte[] bytes) {
        int offset = 2;
        while (offset + 9 < bytes.length) {
            if (u8(bytes, offset) != 0xFF) {
                return unsized(ImageFormat.JPEG);
            }
            int marker = u8(bytes, offset + 1);
            if (marker == 0xFF) {
                offset++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                offset += 2; // markers without a length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data or end reached without a frame header
            }
            if (isStartOfFrame(marker)) {
                return sized(ImageFormat.JPEG, be16(bytes, offset + 7), be16(bytes, offset + 5));
            }
            offset += 2 + be16(bytes, offset + 2);
        }
        return unsized(ImageFormat.JPEG);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static ImageInfo webp(byte[] bytes) {
        if (ascii(bytes, 12, "VP8 ") && bytes.length >= 30
                && u8(bytes, 23) == 0x9D && u8(bytes, 24) == 0x01 && u8(bytes, 25) == 0x2A) {
            return sized(ImageFormat.WEBP, le16(bytes, 26) & VP8_DIMENSION_MASK, le16(bytes, 28) & VP8_DIMENSION_MASK);
        }
        if (ascii(bytes, 12, "VP8L") && bytes.length >= 25 && u8(bytes, WEBP_CHUNK_DATA) == 0x2F) {
            int b1 = u8(bytes, 21);
            int b2 = u8(bytes, 22);
            int b3 = u8(bytes, 23);
            int b4 = u8(bytes, 24);
            int width = 1 + (((b2 & 0x3F) << 8) | b1);
            int height = 1 + (((b4 & 0x0F) << 10) | (b3 << 2) | ((b2 & 0xC0) >> 6));
            return sized(ImageFormat.WEBP, width, height);
        }
        if (ascii(bytes, 12, "VP8X") && bytes.length >= 30) {
            return sized(ImageFormat.WEBP, 1 + le24(bytes, 24), 1 + le24(bytes, 27));
        }
        return unsized(ImageFormat.WEBP);
    }

    private static ImageInfo sized(ImageFormat format, long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return unsized(format);
        }
        return new ImageInfo(format, OptionalInt.of((int) width), OptionalInt.of((int) height));
    }

    private static ImageInfo unsized(ImageFormat format) {
        return new ImageInfo(format, OptionalInt.empty(), OptionalInt.empty());
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        return startsWith(bytes, offset, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    private static int be16(byte[] bytes, int offset) {
        return (u8(bytes, offset) << 8) | u8(bytes, offset + 1);
    }

    private static long be32(byte[] bytes, int offset) {
        return ((long) be16(bytes, offset) << 16) | be16(bytes, offset + 2);
    }

    private static int le16(byte[] bytes, int offset) {
        return u8(bytes, offset) | (u8(bytes, offset + 1) << 8);
    }

    private static int le24(byte[] bytes, int offset) {
        return le16(bytes, offset) | (u8(bytes, offset + 2) << 16);
    }
}
