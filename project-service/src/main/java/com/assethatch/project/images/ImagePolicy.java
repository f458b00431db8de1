package com.assethatch.project.images;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.hash.Sha256;
import com.assethatch.common.image.ImageFormat;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.common.image.ImageVerifier;
import com.assethatch.common.image.UnusableImageException;
import com.assethatch.common.validation.JsonValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an uploaded image must be: under the size limit, really a PNG, JPEG or WebP by its bytes (whatever the
 * client says), within the pixel limit and decodable as a whole. The same rules for every upload path, base64 or
 * binary. Decoding is CPU work: callers run on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class ImagePolicy {

    private static final Pattern DATA_URL_PREFIX = Pattern.compile("^data:[\\w/+.-]*;base64,");
    private static final double BASE64_BYTES_PER_CHAR = 0.75;
    private static final int BASE64_PADDING_BYTES = 2;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final List<String> ACCEPTED = JsonValues.of(ImageFormat.class);

    private final ImagesConfig config;

    public ImagePolicy(ImagesConfig config) {
        this.config = config;
    }

    /** Decodes standard base64, optionally as a data URL; the size limit is checked before decoding. */
    public byte[] decodeBase64(String field, String encoded) {
        String base64 = DATA_URL_PREFIX.matcher(encoded).replaceFirst("");
        requireWithinLimit((long) (base64.length() * BASE64_BYTES_PER_CHAR) - BASE64_PADDING_BYTES);
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " is not valid base64: " + e.getMessage());
        }
    }

    /**
     * The image as it will be stored, its width and height from its decoded header. 415 when the bytes are no image
     * or do not decode as a whole (truncated, corrupt); 413 over the byte or pixel limit, before any decoding.
     */
    public ValidatedImage validate(String field, byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.badRequest(field + " is empty");
        }
        requireWithinLimit(bytes.length);
        try {
            ImageInfo info = ImageVerifier.verify(bytes, config.maxPixels());
            return new ValidatedImage(bytes, info.format(), Sha256.hex(bytes), info.width().getAsInt(),
                    info.height().getAsInt());
        } catch (UnusableImageException e) {
            throw refusal(field, e);
        }
    }

    private ApiException refusal(String field, UnusableImageException e) {
        String message = field + " " + e.getMessage();
        return switch (e.reason()) {
            case TOO_MANY_PIXELS -> ApiException.payloadTooLarge(message, Map.of("maxPixels", config.maxPixels()));
            case NOT_AN_IMAGE, UNDECODABLE -> ApiException.unsupportedMediaType(message, Map.of("accepted", ACCEPTED));
        };
    }

    /** 413 for an image of {@code bytes} bytes over the limit; callers check before reading or decoding. */
    public void requireWithinLimit(long bytes) {
        if (bytes > config.maxBytes()) {
            throw tooLarge(bytes);
        }
    }

    private ApiException tooLarge(long bytes) {
        return ApiException.payloadTooLarge(String.format(Locale.ROOT, "Image is %.1f MB; the limit is %.1f MB",
                bytes / BYTES_PER_MIB, config.maxBytes() / BYTES_PER_MIB), Map.of("maxBytes", config.maxBytes()));
    }

}
