package com.assethatch.project.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script and the SHA-1 Redis knows it by, so it is called with {@code EVALSHA} (the digest) instead of
 * sending its source with every {@code EVAL}; Redis answers {@code NOSCRIPT} when it has not seen it (a restart,
 * {@code SCRIPT FLUSH}), and one {@code EVAL} then loads it again.
 */
record LuaScript(String source, String sha1) {

    static LuaScript of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-1", e);
        }
    }

    /** Whether a failed call means Redis does not hold the script (yet, or any more). */
    static boolean isUnknownScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }
}
