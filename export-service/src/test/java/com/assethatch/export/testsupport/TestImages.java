package com.assethatch.export.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for tests: real PNG/JPEG files drawn with ImageIO, and header-only files of any size. */
public final class TestImages {

    private TestImages() {
    }

    /** A real PNG of noise, so different seeds give different bytes. */
    public static byte[] png(int width, int height, long seed) {
        return draw("png", width, height, seed);
    }

    public static byte[] jpeg(int width, int height, long seed) {
        return draw("jpg", width, height, seed);
    }

    /** A WebP (lossless) header with the given size, padded with random bytes: enough for sniffing and exporting. */
    public static byte[] webp(int width, int height, long seed) {
        ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(56).put("WEBP".getBytes()).put("VP8L".getBytes()).putInt(44);
        b.put((byte) 0x2F);
        int w = width - 1;
        int h = height - 1;
        int bits = (w & 0x3FFF) | ((h & 0x3FFF) << 14);
        b.putInt(bits);
        byte[] rest = new byte[b.remaining()];
        new Random(seed).nextBytes(rest);
        b.put(rest);
        return b.array();
    }

    /**
     * A PNG signature and IHDR chunk followed by {@code size} random bytes: a file the export treats like any
     * PNG (it never decodes images), made fast in any size.
     */
    public static byte[] bigPng(int width, int height, int size, long seed) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        byte[] rest = new byte[b.remaining()];
        new Random(seed).nextBytes(rest);
        b.put(rest);
        return b.array();
    }

    /** A PNG signature with no IHDR: its size cannot be read from the header. */
    public static byte[] pngWithoutSize(long seed) {
        byte[] bytes = new byte[40];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, bytes, 0, 8);
        bytes[12] = 'J';
        return bytes;
    }

    private static byte[] draw(String format, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
