package org.easel.transfer.modelfile;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.easel.core.error.EaselException;
import org.easel.transfer.config.TransferConfig;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Preprocessing;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code transfer.backbone: path} resolved: the model file read and cut at the freeze layer, the input
 * size and channels it takes, and a weights descriptor for the report and the feature-cache key
 * ({@code model-file:<sha256 of the file>}).
 *
 * @param name        the file name, as the report and the saved model show it
 * @param description what the file holds (DL4J/Keras, class, input)
 */
public record ModelFileBackbone(String name, String description, GraphBackbone backbone, String freeze, int inputSize, int channels,
                                BackboneWeights weights) {

    public static ModelFileBackbone resolve(TransferConfig cfg) {
        Path file = Path.of(cfg.backbone());
        LoadedModel m = ModelFileLoader.load(file);
        InputSpec in = m.input();
        String fileName = file.getFileName().toString();
        int size = inputSize(cfg.inputSize(), in, fileName);
        // layer names and the default freeze layer come from the model as declared; the cut part then runs at `size`
        int declared = in.sizeKnown() ? in.size() : size;
        GraphCut cut = new GraphCut(m.graph(), InputType.convolutional(declared, declared, in.channels(), in.format()), fileName);
        String freeze = cfg.freezeUpTo() != null ? cfg.freezeUpTo() : cut.defaultFreeze();
        ComputationGraph graph = cut.cut(freeze);
        GraphBackbone backbone = new GraphBackbone(graph, freeze, in.format(), in.channels(), size, cfg.pooling());
        tryOneImage(backbone, in, size, fileName, freeze);
        Preprocessing p = Preprocessing.fromConfig(cfg.preprocessing(), Preprocessing.UNIT);
        if (p == Preprocessing.CAFFE_BGR && in.channels() != 3) {
            throw new EaselException("transfer.preprocessing: caffe needs RGB input, but " + fileName + " takes " + in.channels()
                    + "-channel images; use unit or signed.");
        }
        BackboneWeights weights = new BackboneWeights(Map.of(), p, "model file " + fileName + " (" + m.kind() + ", sha256 " + m.sha256() + ")",
                "model-file:" + m.sha256(), false);
        String description = m.kind() + " from " + file + ", input " + size + "x" + size + "x" + in.channels() + " (" + in.format()
                + "), " + cut.layerNames().size() + " layers, cut after '" + freeze + "'";
        return new ModelFileBackbone(fileName, description, backbone, freeze, size, in.channels(), weights);
    }

    /**
     * The declared size when the config leaves input_size at 0; the configured one otherwise (a fully
     * convolutional frozen part runs at other sizes; {@link #tryOneImage} catches the ones that cannot).
     */
    static int inputSize(int configured, InputSpec in, String fileName) {
        if (configured > 0) {
            return configured;
        }
        if (!in.sizeKnown()) {
            throw new EaselException("transfer.input_size: the model " + fileName + " does not record its input size; set "
                    + "transfer.input_size to the side length (pixels) it was trained on.");
        }
        return in.size();
    }

    private static void tryOneImage(GraphBackbone backbone, InputSpec in, int size, String fileName, String freeze) {
        try {
            backbone.features(Nd4j.zeros(DataType.FLOAT, 1, in.channels(), size, size));
        } catch (RuntimeException e) {
            throw new EaselException("transfer.input_size: the frozen part of " + fileName + " (up to '" + freeze + "') cannot run on "
                    + size + "x" + size + "x" + in.channels() + " images" + (in.sizeKnown() && in.size() != size
                    ? "; the model was built for " + in.size() + "x" + in.size() + ": set transfer.input_size to " + in.size()
                    + " or 0 (the model's own)" : "") + ". DL4J says: " + e.getMessage(), e);
        }
    }
}
