package org.easel.transfer.modelfile;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A backbone model file read into memory: its network as a {@link ComputationGraph} whose vertices carry
 * the layer names of the file (a Sequential/MultiLayerNetwork becomes a chain), the input it declares,
 * what kind of file it was, and the SHA-256 of its bytes (part of the feature-cache key).
 */
public record LoadedModel(Path file, ComputationGraph graph, InputSpec input, String kind, String sha256) {
}
