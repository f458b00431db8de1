package com.assethatch.common.image;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the image checks (Jazzer): whatever the bytes, {@link ImageVerifier#verify} either
 * returns the image's size or refuses with {@link UnusableImageException}; any other exception (a decoder's
 * runtime failure escaping, an out-of-memory from a claimed size) is a finding. Regression mode in a normal build
 * (the inputs in {@code ImageVerifierFuzzTestInputs/}, without Jazzer's sanitizer hooks: see the root pom);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}, hooks on.
 */
class ImageVerifierFuzzTest {

    private static final long MAX_PIXELS = 64_000_000;

    @FuzzTest(maxDuration = "60s")
    void verifyingReturnsOrRefusesNeverFails(byte[] bytes) {
        try {
            ImageInfo info = ImageVerifier.verify(bytes, MAX_PIXELS);
            if ((long) info.width().getAsInt() * info.height().getAsInt() > MAX_PIXELS) {
                throw new AssertionError("accepted an image over the pixel limit: " + info);
            }
        } catch (UnusableImageException refused) {
            // the expected answer to bad bytes
        }
    }
}
