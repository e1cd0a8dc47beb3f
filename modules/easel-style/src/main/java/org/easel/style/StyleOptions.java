package org.easel.style;

import java.nio.file.Path;
import java.util.List;
import org.easel.style.config.StyleConfig;

/**
 * One style-transfer job for {@link StyleTransfer#run}: the settings, where the final image goes,
 * and the folder for everything else (frames, loss curve, panel, report; null = only the image).
 * {@code download}: whether missing ImageNet weights may be downloaded ($EASEL_OFFLINE=1 forbids it anyway).
 */
public record StyleOptions(StyleConfig config, Path result, Path outDir, long seed, boolean download) {

    public StyleOptions(StyleConfig config, Path result, Path outDir, long seed) {
        this(config, result, outDir, seed, true);
    }

    /** The CLI's {@code easel stylize --content c --style s --out r}: defaults for everything else. */
    public static StyleOptions of(Path content, Path style, Path result) {
        StyleConfig c = StyleConfig.DEFAULTS.withContent(content.toString()).withStyle(List.of(style.toString()), List.of());
        return new StyleOptions(c, result, null, 42);
    }

    public StyleOptions withConfig(StyleConfig c) {
        return new StyleOptions(c, result, outDir, seed, download);
    }

    public StyleOptions withOutDir(Path dir) {
        return new StyleOptions(config, result, dir, seed, download);
    }
}
