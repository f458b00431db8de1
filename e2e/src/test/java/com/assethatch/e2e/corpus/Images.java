package com.assethatch.e2e.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * The image part of the corpus, derived at test time from the small committed images: truncated PNG, JPEG and
 * WebP, decompression bombs (headers claiming huge sizes), garbage behind a real header, and not-images.
 */
final class Images {

    private Images() {
    }

    /** A real, small PNG (committed): what a valid upload sends. */
    static byte[] validPng(Path corpus) {
        return read(corpus.resolve("images/small.png"));
    }

    /** Named hostile image files. */
    static Map<String, byte[]> hostile(Path corpus) {
        byte[] png = validPng(corpus);
        byte[] jpeg = jpegOf(png);
        byte[] webp = read(corpus.resolve("images/small.webp"));
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> whole : Map.of("png", png, "jpeg", jpeg, "webp", webp).entrySet()) {
            byte[] bytes = whole.getValue();
            images.put("truncated-half." + whole.getKey(), Arrays.copyOf(bytes, bytes.length / 2));
            images.put("truncated-header." + whole.getKey(), Arrays.copyOf(bytes, Math.min(bytes.length, 30)));
            images.put("truncated-last-byte." + whole.getKey(), Arrays.copyOf(bytes, bytes.length - 1));
            byte[] flipped = bytes.clone();
            for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i++) {
                flipped[i] ^= (byte) 0x5A;
            }
            images.put("corrupt-middle." + whole.getKey(), flipped);
        }
        images.put("bomb-ihdr-100000x100000.png", pngHeader(100_000, 100_000));
        images.put("bomb-ihdr-0x0.png", pngHeader(0, 0));
        images.put("bomb-ihdr-2147483647x1.png", pngHeader(Integer.MAX_VALUE, 1));
        images.put("bomb-sof-65500x65500.jpeg", jpegWithSize(jpeg, 65_500, 65_500));
        images.put("bomb-vp8x-16384x16384.webp", webpCanvas(16_384, 16_384));
        images.put("png-header-then-garbage.png", concat(pngHeader(64, 64), new byte[4096]));
        images.put("gif.gif", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1));
        images.put("text.txt", "not an image at all".getBytes(StandardCharsets.UTF_8));
        images.put("empty", new byte[0]);
        images.put("riff-not-webp", "RIFF\u0004\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1));
        return images;
    }

    /** Every way an image travels in a JSON string: base64, data URLs (right and wrong media type), broken base64. */
    static Map<String, String> asJsonStrings(Path corpus) {
        Map<String, String> strings = new LinkedHashMap<>();
        hostile(corpus).forEach((name, bytes) -> strings.put(name + " (base64)", Base64.getEncoder().encodeToString(bytes)));
        String png = Base64.getEncoder().encodeToString(validPng(corpus));
        String bomb = Base64.getEncoder().encodeToString(pngHeader(100_000, 100_000));
        strings.put("data URL text/plain of a PNG", "data:text/plain;base64," + png);
        strings.put("data URL image/gif of a PNG", "data:image/gif;base64," + png);
        strings.put("data URL image/png of text", "data:image/png;base64," + Base64.getEncoder()
                .encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
        strings.put("data URL image/png of a bomb", "data:image/png;base64," + bomb);
        strings.put("data URL without base64", "data:image/png," + png);
        strings.put("data URL with a huge media type", "data:" + "x".repeat(100_000) + ";base64," + png);
        strings.put("base64url alphabet", png.replace('+', '-').replace('/', '_'));
        strings.put("base64 with whitespace", png.substring(0, 10) + " \n\t" + png.substring(10));
        strings.put("base64 cut mid-quantum", png.substring(0, png.length() - 3));
        strings.put("base64 with NUL", png.substring(0, 8) + "\u0000" + png.substring(8));
        return strings;
    }

    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    /** The JPEG with the size in its first SOF segment rewritten. */
    private static byte[] jpegWithSize(byte[] jpeg, int width, int height) {
        byte[] bytes = jpeg.clone();
        for (int i = 2; i + 9 < bytes.length; i++) {
            int marker = bytes[i + 1] & 0xFF;
            if ((bytes[i] & 0xFF) == 0xFF && marker >= 0xC0 && marker <= 0xC3) {
                bytes[i + 5] = (byte) (height >> 8);
                bytes[i + 6] = (byte) height;
                bytes[i + 7] = (byte) (width >> 8);
                bytes[i + 8] = (byte) width;
                return bytes;
            }
        }
        throw new IllegalStateException("no SOF segment in the JPEG");
    }

    /** An extended WebP header (VP8X) with a huge canvas and no image data. */
    private static byte[] webpCanvas(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII))
                .putInt(10).put(new byte[4]);
        int w = width - 1;
        int h = height - 1;
        b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16)).put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
        return b.array();
    }

    private static byte[] jpegOf(byte[] png) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(decoded, 0, 0, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
