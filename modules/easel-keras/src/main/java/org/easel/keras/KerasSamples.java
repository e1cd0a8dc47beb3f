package org.easel.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small Keras model files Easel writes itself (seeded random weights), for tests and demos in any module:
 * no downloaded file needed. {@link #miniXception} is a functional Keras 2 model in the style of the
 * mini-Xception emotion classifiers: Conv2D + BatchNormalization stem, two residual blocks of
 * SeparableConv2D + BatchNormalization + MaxPooling with a strided 1x1 Conv2D shortcut joined by Add,
 * a Conv2D head and GlobalAveragePooling2D + softmax.
 */
public final class KerasSamples {
    private KerasSamples() {
    }

    /**
     * Writes the mini-Xception model (input {@code side x side x 1}, 7 classes) to {@code file}. Layer names:
     * conv2d_1 (stem), separable_conv2d_1..4, conv2d_2/3 (shortcuts), add_1/2, conv2d_4 (head, feeds the pooling).
     */
    public static void miniXception(Path file, int side, long seed) {
        Builder b = new Builder(seed);
        b.input("input_1", side);
        b.conv("conv2d_1", 8, 3, 1, "valid", false, "input_1", 1);
        b.bn("batch_normalization_1", 8, "conv2d_1");
        b.act("activation_1", "relu", "batch_normalization_1");
        String x = "activation_1";
        int in = 8;
        int sep = 1;
        int bn = 2;
        int conv = 2;
        for (int block = 1; block <= 2; block++) {
            int filters = 8 * (block + 1);
            String shortcut = "conv2d_" + conv++;
            b.conv(shortcut, filters, 1, 2, "same", false, x, in);
            String sbn = "batch_normalization_" + bn++;
            b.bn(sbn, filters, shortcut);
            String s1 = "separable_conv2d_" + sep++;
            b.sep(s1, filters, x, in);
            String b1 = "batch_normalization_" + bn++;
            b.bn(b1, filters, s1);
            String a1 = "activation_" + (block * 2);
            b.act(a1, "relu", b1);
            String s2 = "separable_conv2d_" + sep++;
            b.sep(s2, filters, a1, filters);
            String b2 = "batch_normalization_" + bn++;
            b.bn(b2, filters, s2);
            String pool = "max_pooling2d_" + block;
            b.layer(pool, "MaxPooling2D", "\"pool_size\": [3, 3], \"padding\": \"same\", \"strides\": [2, 2], \"data_format\": \"channels_last\"", b2);
            String add = "add_" + block;
            b.layer(add, "Add", "", pool, sbn);
            x = add;
            in = filters;
        }
        b.conv("conv2d_4", 7, 3, 1, "same", true, x, in);
        b.layer("global_average_pooling2d_1", "GlobalAveragePooling2D", "\"data_format\": \"channels_last\"", "conv2d_4");
        b.act("predictions", "softmax", "global_average_pooling2d_1");
        String config = "{\"class_name\": \"Model\", \"config\": {\"name\": \"mini_xception\", \"layers\": [" + String.join(", ", b.layers)
                + "], \"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": [[\"predictions\", 0, 0]]}}";
        KerasModelWriter.writeH5(file, config, "2.0.5", b.weights);
    }

    private static final class Builder {
        final Random random;
        final List<String> layers = new ArrayList<>();
        final Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();

        Builder(long seed) {
            random = new Random(seed);
        }

        INDArray rand(double scale, long... shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * scale);
            }
            return Nd4j.create(v, shape, 'c');
        }

        void input(String name, int side) {
            layers.add("{\"name\": \"" + name + "\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, " + side
                    + ", " + side + ", 1], \"dtype\": \"float32\", \"sparse\": false, \"name\": \"" + name + "\"}, \"inbound_nodes\": []}");
        }

        void layer(String name, String cls, String config, String... inbound) {
            StringBuilder nodes = new StringBuilder();
            for (String in : inbound) {
                nodes.append(nodes.length() == 0 ? "" : ", ").append("[\"").append(in).append("\", 0, 0, {}]");
            }
            layers.add("{\"name\": \"" + name + "\", \"class_name\": \"" + cls + "\", \"config\": {\"name\": \"" + name
                    + "\", \"trainable\": true" + (config.isEmpty() ? "" : ", " + config) + "}, \"inbound_nodes\": [[" + nodes + "]]}");
        }

        static String init(String key) {
            return "\"" + key + "\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0, \"mode\": \"fan_avg\","
                    + " \"distribution\": \"uniform\", \"seed\": null}}";
        }

        void conv(String name, int filters, int k, int stride, String padding, boolean bias, String inbound, int in) {
            layer(name, "Conv2D", "\"filters\": " + filters + ", \"kernel_size\": [" + k + ", " + k + "], \"strides\": [" + stride + ", " + stride
                    + "], \"padding\": \"" + padding + "\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"activation\":"
                    + " \"linear\", \"use_bias\": " + bias + ", " + init("kernel_initializer") + ", \"bias_initializer\": {\"class_name\":"
                    + " \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, \"activity_regularizer\": null,"
                    + " \"kernel_constraint\": null, \"bias_constraint\": null", inbound);
            Map<String, INDArray> w = new LinkedHashMap<>();
            w.put("kernel", rand(Math.sqrt(2.0 / (k * k * in)), k, k, in, filters));
            if (bias) {
                w.put("bias", rand(0.1, filters));
            }
            weights.put(name, w);
        }

        void sep(String name, int filters, String inbound, int in) {
            layer(name, "SeparableConv2D", "\"filters\": " + filters + ", \"kernel_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\","
                    + " \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"activation\": \"linear\", \"use_bias\": false,"
                    + " \"depth_multiplier\": 1, " + init("depthwise_initializer") + ", " + init("pointwise_initializer") + ","
                    + " \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"depthwise_regularizer\": null,"
                    + " \"pointwise_regularizer\": null, \"bias_regularizer\": null, \"activity_regularizer\": null,"
                    + " \"depthwise_constraint\": null, \"pointwise_constraint\": null, \"bias_constraint\": null", inbound);
            Map<String, INDArray> w = new LinkedHashMap<>();
            w.put("depthwise_kernel", rand(Math.sqrt(2.0 / 9), 3, 3, in, 1));
            w.put("pointwise_kernel", rand(Math.sqrt(2.0 / in), 1, 1, in, filters));
            weights.put(name, w);
        }

        void bn(String name, int n, String inbound) {
            layer(name, "BatchNormalization", "\"axis\": -1, \"momentum\": 0.99, \"epsilon\": 0.001, \"center\": true, \"scale\": true,"
                    + " \"beta_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"gamma_initializer\": {\"class_name\": \"Ones\","
                    + " \"config\": {}}, \"moving_mean_initializer\": {\"class_name\": \"Zeros\", \"config\": {}},"
                    + " \"moving_variance_initializer\": {\"class_name\": \"Ones\", \"config\": {}}, \"beta_regularizer\": null,"
                    + " \"gamma_regularizer\": null, \"beta_constraint\": null, \"gamma_constraint\": null", inbound);
            Map<String, INDArray> w = new LinkedHashMap<>();
            w.put("gamma", rand(0.1, n).addi(1));
            w.put("beta", rand(0.1, n));
            w.put("moving_mean", rand(0.1, n));
            w.put("moving_variance", rand(0.1, n).muli(rand(0.1, n)).addi(0.5));
            weights.put(name, w);
        }

        void act(String name, String activation, String inbound) {
            layer(name, "Activation", "\"activation\": \"" + activation + "\"", inbound);
        }
    }
}
