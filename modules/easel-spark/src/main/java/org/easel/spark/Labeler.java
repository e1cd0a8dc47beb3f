package org.easel.spark;

import java.nio.file.Path;
import java.util.List;
import org.easel.core.predict.Predictor;

/** A loaded model that labels image files exactly as single-machine {@code easel predict} does. */
interface Labeler {
    Predictor.Results predict(List<Path> files);

    List<String> classes();
}
