package org.easel.synth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What a finished dataset folder holds. Written last, atomically: a folder without it (or with one
 * for another spec or generator version) is incomplete and gets regenerated.
 *
 * @param generatorVersion  bumps whenever drawing changes, so stale caches are rebuilt
 * @param spec              the spec that made the folder
 * @param photosFingerprint SHA-256 over the photos' names and bytes, or "none"
 * @param counts            images per split/class, e.g. "train/financial" -> 2277
 * @param subtypes          images per content kind, e.g. "candlestick_chart" -> 230
 * @param contentHash       SHA-256 over every file's relative path and SHA-256, in order
 * @param files             every image: path relative to the folder, class, kind, split, size, SHA-256
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String generatorVersion, SpecEntry spec, String photosFingerprint, Map<String, Integer> counts,
                       Map<String, Integer> subtypes, String contentHash, List<FileEntry> files) {

    /** The spec as JSON can carry it (a Path does not round-trip). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SpecEntry(int financialCount, int nonFinancialCount, int testPerClass, int size, long seed, String photosDir) {
        static SpecEntry of(SynthSpec s) {
            return new SpecEntry(s.financialCount(), s.nonFinancialCount(), s.testPerClass(), s.size(), s.seed(),
                    s.photosDir() == null ? null : s.photosDir().toAbsolutePath().normalize().toString());
        }

        /** Same images? The photos folder's path may move; its content is compared by fingerprint. */
        boolean sameImages(SynthSpec s) {
            return financialCount == s.financialCount() && nonFinancialCount == s.nonFinancialCount() && testPerClass == s.testPerClass()
                    && size == s.size() && seed == s.seed() && (photosDir == null) == (s.photosDir() == null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileEntry(String path, String kind, String subtype, String split, long bytes, String sha256) {
    }
}
