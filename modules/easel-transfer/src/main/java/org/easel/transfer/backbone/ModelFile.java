package org.easel.transfer.backbone;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.nets.BackboneWeights;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.FeatureExtractor;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.modelfile.ModelFileBackbone;

/** {@code transfer.backbone: <model file>}: the file's network cut at the freeze layer (modelfile package), run by DL4J. */
public record ModelFile(ModelFileBackbone file, ImageReader reader) implements Backbone {

    static ModelFile resolve(TransferConfig cfg) {
        ModelFileBackbone m = ModelFileBackbone.resolve(cfg);
        return new ModelFile(m, new ImageReader(m.inputSize(), m.channels(), m.weights().preprocessing()));
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public String description() {
        return file.description();
    }

    @Override
    public String freeze() {
        return file.freeze();
    }

    @Override
    public int inputSize() {
        return file.inputSize();
    }

    @Override
    public BackboneWeights weights() {
        return file.weights();
    }

    @Override
    public FeatureExtractor extractor() {
        return file.backbone();
    }

    @Override
    public String cacheName() {
        return "file:" + file.name();
    }

    @Override
    public TransferModel model(BackboneWeights trained, List<String> classes, String pooling, FeatureScaler scaler, MultiLayerNetwork head) {
        return new TransferModel(info(trained, classes, pooling, scaler, file.backbone().inputFormat().name()), file.backbone(), trained, head);
    }
}
