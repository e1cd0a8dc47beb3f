package org.easel.core.weights;

/**
 * A pretrained weight file Easel knows: its file name in the pretrained dir, the canonical public
 * URL it is downloaded from, and its SHA-256.
 */
public record WeightsFile(String fileName, String url, String sha256, String description) {
}
