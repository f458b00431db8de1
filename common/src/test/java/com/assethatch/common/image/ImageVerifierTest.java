package com.assethatch.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assethatch.common.image.UnusableImageException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageVerifierTest {

    private static final long LIMIT = 64_000_000L;

    @Test
    void acceptsRealImagesOfEveryFormatWithTheirSize() throws Exception {
        assertSize(ImageVerifier.verify(encoded("png", 40, 30), LIMIT), ImageFormat.PNG, 40, 30);
        assertSize(ImageVerifier.verify(encoded("jpg", 33, 17), LIMIT), ImageFormat.JPEG, 33, 17);
        assertSize(ImageVerifier.verify(resource("lossy-16x16.webp"), LIMIT), ImageFormat.WEBP, 16, 16);
        assertSize(ImageVerifier.verify(resource("lossless-64x48.webp"), LIMIT), ImageFormat.WEBP, 64, 48);
    }

    @Test
    void refusesBytesThatAreNoImage() {
        assertRefused("GIF89a not ours".getBytes(StandardCharsets.US_ASCII), Reason.NOT_AN_IMAGE);
        assertRefused(new byte[0], Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesAPngHeaderClaimingAHugeSizeBeforeDecodingAnything() {
        byte[] onlyHeader = png(ihdr(100_000, 100_000, 2));
        assertThatThrownBy(() -> ImageVerifier.verify(onlyHeader, LIMIT))
                .isInstanceOfSatisfying(UnusableImageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
                    assertThat(e.getMessage()).contains("100000 x 100000").contains("64.0 megapixels");
                });
    }

    @Test
    void refusesAPngWithAPlausibleHeaderButNoImageData() {
        assertRefused(png(ihdr(100, 100, 2)), Reason.UNDECODABLE);
    }

    @Test
    void refusesADecompressionBombOverThePixelLimitWithoutInflatingIt() {
        byte[] bomb = png(ihdr(10_000, 10_000, 0), idat(new byte[10_001 * 1_000]));
        assertRefused(bomb, Reason.TOO_MANY_PIXELS);
    }

    @Test
    void decodesALargeButAllowedImageInBoundedMemory() throws Exception {
        int side = 6_000;
        byte[] rows = new byte[(side + 1) * side];
        byte[] picture = png(ihdr(side, side, 0), idat(rows));
        assertSize(ImageVerifier.verify(picture, LIMIT), ImageFormat.PNG, side, side);
    }

    @Test
    void refusesImagesCutShort() throws Exception {
        for (byte[] whole : new byte[][] {encoded("png", 64, 64), encoded("jpg", 64, 64),
                resource("lossy-16x16.webp"), resource("lossless-64x48.webp")}) {
            assertRefused(Arrays.copyOf(whole, whole.length / 2), Reason.UNDECODABLE);
        }
    }

    @Test
    void refusesAPngWhoseImageDataIsGarbage() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertRefused(png(ihdr(64, 64, 2), chunk("IDAT", garbage)), Reason.UNDECODABLE);
    }

    @Test
    void refusesAnImageWhoseDimensionsAreZero() {
        assertRefused(png(ihdr(0, 10, 2), idat(new byte[1])), Reason.UNDECODABLE);
    }

    private static void assertSize(ImageInfo info, ImageFormat format, int width, int height) {
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.width()).hasValue(width);
        assertThat(info.height()).hasValue(height);
    }

    private static void assertRefused(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> ImageVerifier.verify(bytes, LIMIT))
                .isInstanceOfSatisfying(UnusableImageException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageVerifierTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A PNG assembled chunk by chunk, so tests can state exactly what a hostile file holds. */
    private static byte[] png(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] ihdr(int width, int height, int colourType) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    private static byte[] idat(byte[] filteredRows) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(filteredRows);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return chunk("IDAT", out.toByteArray());
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
                .array();
    }
}
