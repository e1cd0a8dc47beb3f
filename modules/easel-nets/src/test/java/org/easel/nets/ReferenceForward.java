package org.easel.nets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plain-Java forward pass of a {@link Network} (loops over pixels, no ND4J ops), written from the layer
 * definitions: the reference the SameDiff graph is checked against. Same padding follows TensorFlow
 * (total padding max((out - 1) * stride + k - in, 0), the smaller half on top/left).
 */
final class ReferenceForward {
    private ReferenceForward() {
    }

    /** Outputs [c][h][w] of every layer up to {@code last}, by name, for one CHW image. */
    static Map<String, double[][][]> run(Network net, BackboneWeights w, double[][][] image, int last) {
        Map<String, double[][][]> out = new LinkedHashMap<>();
        double[][][] x = image;
        for (int i = 0; i <= last; i++) {
            Layer l = net.layers().get(i);
            if (l instanceof Layer.Conv c) {
                x = convRelu(x, w, c.name(), c.kernel(), c.stride(), c.same());
            } else if (l instanceof Layer.Pool p) {
                x = maxPool(x, p.kernel(), p.stride());
            } else {
                Layer.Fire f = (Layer.Fire) l;
                double[][][] s = convRelu(x, w, f.name() + "/squeeze1x1", 1, 1, false);
                double[][][] e1 = convRelu(s, w, f.name() + "/expand1x1", 1, 1, false);
                double[][][] e3 = convRelu(s, w, f.name() + "/expand3x3", 3, 1, true);
                x = new double[e1.length + e3.length][][];
                System.arraycopy(e1, 0, x, 0, e1.length);
                System.arraycopy(e3, 0, x, e1.length, e3.length);
            }
            out.put(l.name(), x);
        }
        return out;
    }

    static double[][][] convRelu(double[][][] x, BackboneWeights w, String conv, int k, int stride, boolean same) {
        INDArray kernel = w.kernel(conv); // HWIO
        INDArray bias = w.bias(conv);
        int in = x.length;
        int h = x[0].length;
        int wd = x[0][0].length;
        int outC = (int) kernel.size(3);
        int oh = same ? (h + stride - 1) / stride : (h - k) / stride + 1;
        int ow = same ? (wd + stride - 1) / stride : (wd - k) / stride + 1;
        int padTop = same ? Math.max((oh - 1) * stride + k - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * stride + k - wd, 0) / 2 : 0;
        float[] kv = kernel.dup('c').data().asFloat();
        double[][][] y = new double[outC][oh][ow];
        for (int o = 0; o < outC; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double s = bias.getDouble(o);
                    for (int ky = 0; ky < k; ky++) {
                        int iy = oy * stride + ky - padTop;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < k; kx++) {
                            int ix = ox * stride + kx - padLeft;
                            if (ix < 0 || ix >= wd) {
                                continue;
                            }
                            int base = ((ky * k + kx) * in) * outC + o;
                            for (int c = 0; c < in; c++) {
                                s += kv[base + c * outC] * x[c][iy][ix];
                            }
                        }
                    }
                    y[o][oy][ox] = Math.max(0, s);
                }
            }
        }
        return y;
    }

    static double[][][] maxPool(double[][][] x, int k, int stride) {
        int h = (x[0].length - k) / stride + 1;
        int w = (x[0][0].length - k) / stride + 1;
        double[][][] y = new double[x.length][h][w];
        for (int c = 0; c < x.length; c++) {
            for (int oy = 0; oy < h; oy++) {
                for (int ox = 0; ox < w; ox++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            m = Math.max(m, x[c][oy * stride + ky][ox * stride + kx]);
                        }
                    }
                    y[c][oy][ox] = m;
                }
            }
        }
        return y;
    }

    static List<String> everyOtherLayer(Network net) {
        List<String> names = net.layerNames();
        return IntStream.range(0, names.size()).filter(i -> i % 2 == 0 || i == names.size() - 1)
                .mapToObj(names::get).toList();
    }
}
