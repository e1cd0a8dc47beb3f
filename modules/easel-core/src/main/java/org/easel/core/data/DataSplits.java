package org.easel.core.data;

import java.util.List;

/** What a dataset loader returns: train and test examples, and the files it had to skip. */
public record DataSplits(String datasetName, LabeledData train, LabeledData test, List<SkippedFile> skipped) {
    /** A file that could not be used, and why. */
    public record SkippedFile(String path, String reason) {
    }
}
