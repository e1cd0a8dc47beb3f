package org.easel.core.data;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.easel.core.config.DataConfig;

/**
 * A dataset kind whose images are made rather than found (e.g. {@code synthetic}, module easel-synth),
 * contributed through {@link java.util.ServiceLoader} (META-INF/services/org.easel.core.data.ImageSourceProvider).
 * It makes sure the images exist and returns their folder ({@code train/} and {@code test/} with one
 * sub-folder per class, or class sub-folders); tasks then read it like any image folder.
 */
public interface ImageSourceProvider {
    /** The {@code data.dataset} value it serves. */
    String dataset();

    /** The folder of the images, generated first when needed; {@code progress} gets occasional lines. */
    Path ensure(DataConfig data, long seed, Consumer<String> progress);
}
