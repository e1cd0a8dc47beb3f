package org.easel.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Networks;
import org.easel.nets.Preprocessing;
import org.easel.transfer.backbone.BuiltInBackbone;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageReader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The resolved frozen backbone (network, freeze layer, input size, pooling and the weights as plain
 * float arrays), broadcast to executors so they need neither the pretrained folder nor a download.
 */
record BackbonePayload(String backbone, int last, int inputSize, String pooling, int featurizeBatch, String preprocessing,
                       String used, String identity, boolean fellBack, List<String> layers, List<long[]> shapes,
                       List<float[]> values) implements Serializable {

    static BackbonePayload of(BuiltInBackbone bb, String pooling, int featurizeBatch) {
        BackboneWeights w = bb.weights();
        List<String> layers = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (Map.Entry<String, INDArray[]> e : w.params().entrySet()) {
            layers.add(e.getKey());
            for (INDArray a : e.getValue()) {
                shapes.add(a.shape());
                values.add(a.castTo(DataType.FLOAT).dup('c').data().asFloat());
            }
        }
        return new BackbonePayload(bb.name(), bb.last(), bb.inputSize(), pooling, featurizeBatch, w.preprocessing().name(), w.used(),
                w.identity(), w.fellBack(), layers, shapes, values);
    }

    /** Identity of this backbone setting, for the executor-side cache. */
    String id() {
        return String.join("|", backbone, Integer.toString(last), Integer.toString(inputSize), pooling, preprocessing, identity);
    }

    BackboneWeights weights() {
        Map<String, INDArray[]> params = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            params.put(layers.get(i), new INDArray[]{
                    Nd4j.create(values.get(2 * i), shapes.get(2 * i), 'c'),
                    Nd4j.create(values.get(2 * i + 1), shapes.get(2 * i + 1), 'c')});
        }
        return new BackboneWeights(params, Preprocessing.valueOf(preprocessing), used, identity, fellBack);
    }

    FrozenBackbone frozenBackbone() {
        return new FrozenBackbone(Networks.get(backbone, "backbone"), last, weights(), inputSize, pooling);
    }

    ImageReader reader() {
        return new ImageReader(inputSize, Preprocessing.valueOf(preprocessing));
    }
}
