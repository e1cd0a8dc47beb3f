package org.easel.transfer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.TrainingConfig;
import org.easel.core.io.Json;
import org.easel.core.train.TrainingListener;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.transfer.config.FineTuneConfig;
import org.easel.transfer.config.HeadConfig;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.finetune.FineTuner;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.head.HeadFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the two things Easel does with a backbone, for docs/benchmarks.md against
 * ../shared/bench/peers/vgg16.py: featurizing (the frozen base, SameDiff + oneDNN) and a training
 * step through the whole conv base plus a head (the stage-2 code path with every layer unfrozen).
 * Random weights, synthetic inputs, nothing downloaded. Prints one JSON line.
 *
 * <p>Usage: {@code BackboneBenchmark [backbone=vgg16] [size=224] [batch=8] [iters=5]}
 */
public final class BackboneBenchmark {
    private BackboneBenchmark() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "vgg16";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 224;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int iters = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Network net = Networks.get(name, "backbone");
        int last = net.indexOf(net.defaultCut(), "layer");
        BackboneWeights weights = BackboneWeights.random(net, last, 42, "random", false);
        Random random = new Random(42);
        float[] pixels = new float[batch * 3 * size * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("framework", "easel (SameDiff, " + Nd4j.getBackend().getClass().getSimpleName() + ")");
        out.put("backbone", name);
        out.put("size", size);
        out.put("batch", batch);

        FrozenBackbone frozen = new FrozenBackbone(net, last, weights, size, "avg");
        frozen.features(pixels, batch, batch); // warm-up
        List<Double> featurize = new ArrayList<>();
        for (int i = 0; i < iters; i++) {
            long t0 = System.nanoTime();
            frozen.features(pixels, batch, batch);
            featurize.add((System.nanoTime() - t0) / 1e9);
        }
        double featSeconds = median(featurize);
        out.put("featurize_s_per_batch_median", featSeconds);
        out.put("featurize_images_per_s", batch / featSeconds);

        int features = frozen.featureSize();
        float[] ones = new float[features];
        Arrays.fill(ones, 1f);
        MultiLayerNetwork head = HeadFactory.build(new HeadConfig(List.of(256), 0), TrainingConfig.DEFAULTS, 42, features, 2, null, 0);
        FineTuner tuner = new FineTuner(net, 0, last, weights, new int[]{3, size, size}, "avg", new FeatureScaler(new float[features], ones),
                head, null, 0, new FineTuneConfig("all", 1, 1e-4, batch, "val_loss"), 42, TrainingListener.NONE);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 2;
        }
        double stepSeconds = tuner.secondsPerStep(pixels, labels, iters);
        out.put("train_step_s", stepSeconds);
        out.put("train_images_per_s", batch / stepSeconds);
        out.put("iters", iters);
        System.out.println(Json.line(out));
        System.out.println(String.format(Locale.ROOT, "%s %dx%d batch %d: featurize %.2f images/s, train step %.2f s (%.2f images/s)", name, size,
                size, batch, batch / featSeconds, stepSeconds, batch / stepSeconds));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
