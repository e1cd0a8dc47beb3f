package org.easel.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.easel.keras.KerasModelWriter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small Keras CNN image classifier written by the tests in every form Easel takes (legacy .h5, Keras 3 .keras,
 * architecture JSON + weights-only .h5), and 12 random 8x8 RGB PNGs in class folders imgs/0..2:
 * 8x8 RGB -> Conv2D(4, 3x3, relu) -> Flatten -> Dense(3, softmax), 3*3*3*4+4 + 144*3+3 = 547 parameters.
 */
record SmallKerasModel(Path h5, Path keras, Path json, Path weights, Path images) {
    static SmallKerasModel write(Path dir) throws IOException {
        Random r = new Random(3);
        Map<String, Map<String, INDArray>> w = new LinkedHashMap<>();
        Map<String, INDArray> conv = new LinkedHashMap<>();
        conv.put("kernel", rand(r, 3, 3, 3, 4));
        conv.put("bias", rand(r, 4));
        w.put("conv", conv);
        Map<String, INDArray> dense = new LinkedHashMap<>();
        dense.put("kernel", rand(r, 144, 3));
        dense.put("bias", rand(r, 3));
        w.put("out", dense);
        Path h5 = dir.resolve("cnn.h5");
        KerasModelWriter.writeH5(h5, keras2(), "2.15.0", w);
        Path keras = dir.resolve("cnn.keras");
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("conv", "Conv2D");
        classes.put("flat", "Flatten");
        classes.put("out", "Dense");
        KerasModelWriter.writeKerasArchive(keras, keras3(), "3.12.0", classes, w);
        Path json = Files.writeString(dir.resolve("cnn-arch.json"), keras2());
        Path weights = dir.resolve("cnn-weights.h5");
        KerasModelWriter.writeWeightsH5(weights, "2.15.0", w);
        Path images = dir.resolve("imgs");
        for (int c = 0; c < 3; c++) {
            Path folder = Files.createDirectories(images.resolve(Integer.toString(c)));
            for (int i = 0; i < 4; i++) {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        img.setRGB(x, y, r.nextInt(1 << 24));
                    }
                }
                ImageIO.write(img, "png", folder.resolve("img" + i + ".png").toFile());
            }
        }
        return new SmallKerasModel(h5, keras, json, weights, images);
    }

    static INDArray rand(Random r, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 0.3);
        }
        return Nd4j.create(v, shape, 'c');
    }

    private static final String CONV = "\"filters\": 4, \"kernel_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"valid\","
            + " \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"activation\": \"relu\", \"use_bias\": true,"
            + " \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\":"
            + " {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null,"
            + " \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null";
    private static final String DENSE = "\"units\": 3, \"activation\": \"softmax\", \"use_bias\": true, \"kernel_initializer\":"
            + " {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\","
            + " \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, \"activity_regularizer\": null,"
            + " \"kernel_constraint\": null, \"bias_constraint\": null";

    static String keras2() {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"cnn\", \"layers\": ["
                + "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"conv\", \"trainable\": true, \"batch_input_shape\": [null, 8, 8, 3],"
                + " \"dtype\": \"float32\", " + CONV + "}},"
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flat\", \"trainable\": true, \"data_format\": \"channels_last\"}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"trainable\": true, " + DENSE + "}}]},"
                + " \"keras_version\": \"2.15.0\", \"backend\": \"tensorflow\"}";
    }

    static String keras3() {
        String m = "\"module\": \"keras.layers\", \"registered_name\": null, ";
        return "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"registered_name\": null, \"config\": {\"name\": \"cnn\","
                + " \"trainable\": true, \"layers\": ["
                + "{" + m + "\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 8, 8, 3], \"dtype\": \"float32\","
                + " \"sparse\": false, \"name\": \"input_layer\"}},"
                + "{" + m + "\"class_name\": \"Conv2D\", \"config\": {\"name\": \"conv\", \"trainable\": true, \"dtype\": \"float32\", " + CONV
                + ", \"groups\": 1}},"
                + "{" + m + "\"class_name\": \"Flatten\", \"config\": {\"name\": \"flat\", \"trainable\": true, \"dtype\": \"float32\","
                + " \"data_format\": \"channels_last\"}},"
                + "{" + m + "\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"trainable\": true, \"dtype\": \"float32\", " + DENSE
                + "}}]}}";
    }

}
