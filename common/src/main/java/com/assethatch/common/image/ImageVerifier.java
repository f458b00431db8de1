package com.assethatch.common.image;

import com.assethatch.common.image.UnusableImageException.Reason;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Proves that bytes are the image their header claims: a known format, a size within the pixel limit (checked
 * from the header, before anything is decoded, so a decompression bomb costs nothing), and image data that
 * decodes as a whole. A signature and a plausible header are not enough: a PNG header with no image data, a
 * truncated JPEG or a corrupt WebP is refused here instead of being stored and failing later in a game engine.
 */
public final class ImageVerifier {

    /**
     * Decoding is subsampled so the decoded raster stays near this many pixels whatever the image's size: every
     * byte of image data is still decoded and checked, but memory per verification stays bounded (~4 MiB).
     */
    private static final long DECODED_PIXEL_BUDGET = 1L << 20;
    // RIFF container layout: "RIFF", size of what follows (LE32), "WEBP", then chunks of fourcc, size (LE32), data.
    private static final int RIFF_SIZE_OFFSET = 4;
    private static final int RIFF_HEADER_LENGTH = 8;
    private static final int WEBP_FIRST_CHUNK = 12;
    private static final int FOURCC_LENGTH = 4;
    private static final int RIFF_CHUNK_HEADER_LENGTH = 8;

    private ImageVerifier() {
    }

    /** The image's format and size, or the reason it cannot be stored. */
    public static ImageInfo verify(byte[] bytes, long maxPixels) throws UnusableImageException {
        ImageInfo info = ImageSniffer.sniff(bytes).orElseThrow(() -> new UnusableImageException(Reason.NOT_AN_IMAGE,
                "is not a PNG, JPEG or WebP image"));
        String format = info.format().name();
        if (!info.hasDimensions()) {
            throw new UnusableImageException(Reason.UNDECODABLE, "is not a valid " + format + ": its header has no size");
        }
        long width = info.width().getAsInt();
        long height = info.height().getAsInt();
        if (width * height > maxPixels) {
            throw new UnusableImageException(Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "is %d x %d pixels (%.1f megapixels); the limit is %.1f megapixels",
                    width, height, width * height / 1e6, maxPixels / 1e6));
        }
        if (info.format() == ImageFormat.WEBP) {
            requireCompleteRiffChunks(bytes, info);
        }
        decodeWhole(bytes, info);
        return info;
    }

    /**
     * The WebP decoder reads past the end of a cut-off lossless bitstream as if it were zeros, so a truncated
     * WebP is caught by its container instead: the RIFF size and every chunk's size must fit in the bytes.
     */
    private static void requireCompleteRiffChunks(byte[] bytes, ImageInfo info) throws UnusableImageException {
        ByteBuffer riff = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long declared = Integer.toUnsignedLong(riff.getInt(RIFF_SIZE_OFFSET)) + RIFF_HEADER_LENGTH;
        if (declared > bytes.length) {
            throw undecodable(info, "the file is cut short (" + bytes.length + " of " + declared + " bytes)");
        }
        for (int chunk = WEBP_FIRST_CHUNK; chunk < declared; ) {
            if (chunk + RIFF_CHUNK_HEADER_LENGTH > declared) {
                throw undecodable(info, "a chunk header is cut short");
            }
            long end = chunk + RIFF_CHUNK_HEADER_LENGTH + Integer.toUnsignedLong(riff.getInt(chunk + FOURCC_LENGTH));
            if (end > declared) {
                throw undecodable(info, "a chunk is cut short");
            }
            chunk = (int) (end + (end & 1)); // chunks are padded to an even length
        }
    }

    private static void decodeWhole(byte[] bytes, ImageInfo info) throws UnusableImageException {
        ImageReader reader = readerFor(info.format());
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            if (reader.getWidth(0) != info.width().getAsInt() || reader.getHeight(0) != info.height().getAsInt()) {
                throw undecodable(info, "its header and its image data disagree on the size");
            }
            reader.read(0, subsampled(reader, (long) info.width().getAsInt() * info.height().getAsInt()));
        } catch (IOException | RuntimeException e) {
            // Decoders report broken data as IIOException, EOFException or, on some inputs, runtime exceptions.
            throw undecodable(info, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        } finally {
            reader.dispose();
        }
        if (!warnings.isEmpty()) {
            // The JPEG decoder reports a truncated file as a warning and fills the rest with grey.
            throw undecodable(info, warnings.get(0));
        }
    }

    private static ImageReadParam subsampled(ImageReader reader, long pixels) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / DECODED_PIXEL_BUDGET)));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    /** The JDK reads PNG and JPEG; TwelveMonkeys reads WebP (named directly: no reliance on plugin scanning). */
    private static ImageReader readerFor(ImageFormat format) {
        return format == ImageFormat.WEBP
                ? new WebPImageReaderSpi().createReaderInstance(null)
                : ImageIO.getImageReadersByFormatName(format.extension()).next();
    }

    private static UnusableImageException undecodable(ImageInfo info, String problem) {
        return new UnusableImageException(Reason.UNDECODABLE, "is not a valid " + info.format().name()
                + " image: " + problem);
    }
}
