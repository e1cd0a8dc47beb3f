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
 * @param fontsFingerprint  which of the screen font families were installed (images depend on them); null before 2.0
 * @param counts            images per split/class, e.g. "train/financial" -> 2277
 * @param subtypes          images per content kind, e.g. "screen-manager_register" -> 230
 * @param families          images per class and family, e.g. "financial/screen" -> 1444; null before 2.0
 * @param contentHash       SHA-256 over every file's relative path and SHA-256, in order
 * @param files             every image: path, class, kind, split, size, SHA-256 and (2.0) how it was drawn
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String generatorVersion, SpecEntry spec, String photosFingerprint, String fontsFingerprint, Map<String, Integer> counts,
                       Map<String, Integer> subtypes, Map<String, Integer> families, String contentHash, List<FileEntry> files) {

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

    /**
     * One image.
     *
     * @param kind     the class (label): financial or non_financial
     * @param subtype  family-renderer, also in the file name
     * @param family   screen, screen_photo, page, graphic or picture
     * @param renderer program, document or generator-1 kind drawn (manager.register, page.invoice, candlestick_chart)
     * @param theme    toolkit look and scheme with HiDPI scale (breeze-dark@2.0x), paper dpi, or generator-1 theme
     * @param scene    maximised, desktop, window, region, dialog (+photo); clean, scan, photo; drawn
     * @param money    money strings visible in the image, the label check (-1: generator-1 kinds, not tracked)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileEntry(String path, String kind, String subtype, String split, long bytes, String sha256, String family, String renderer,
                            String theme, String scene, int width, int height, int money) {
    }
}
