package com.assethatch.common.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): how Auth.js turns AUTH_SECRET into the session cookie's key. */
final class Hkdf {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_LENGTH = 32;
    private static final int MAX_LENGTH = 255 * HASH_LENGTH;

    private Hkdf() {
    }

    static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 1.." + MAX_LENGTH);
        }
        try {
            // Extract: PRK = HMAC(salt, IKM); an empty salt means HashLen zero bytes.
            byte[] pseudoRandomKey = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKeyMaterial);
            // Expand: T(i) = HMAC(PRK, T(i-1) | info | i), concatenated until `length` bytes.
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC_SHA256));
            ByteBuffer output = ByteBuffer.allocate(length);
            byte[] block = new byte[0];
            for (int counter = 1; output.hasRemaining(); counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                output.put(block, 0, Math.min(block.length, output.remaining()));
            }
            return output.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC_SHA256);
        mac.init(new SecretKeySpec(key, HMAC_SHA256));
        return mac.doFinal(data);
    }
}
