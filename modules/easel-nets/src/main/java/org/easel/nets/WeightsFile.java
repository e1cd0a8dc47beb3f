package org.easel.nets;

/**
 * A pretrained weight file Easel knows: its file name in the pretrained folder, the canonical public URL
 * it is downloaded from, its checksum and its size in bytes (both checked before the file is used).
 */
public record WeightsFile(String fileName, String url, Digest digest, long size, String description) {
}
