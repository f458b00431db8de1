package com.assethatch.project.images;

/** An image as stored: its bytes, real media type and SHA-256 (hex). */
public record StoredImage(byte[] bytes, String mediaType, String sha256) {
}
