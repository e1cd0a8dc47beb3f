package org.easel.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A model argument may be a model zip or a run folder holding model.zip. */
final class ModelArgument {
    private ModelArgument() {
    }

    static Path modelFile(Path arg) {
        return Files.isDirectory(arg) ? arg.resolve("model.zip") : arg;
    }
}
