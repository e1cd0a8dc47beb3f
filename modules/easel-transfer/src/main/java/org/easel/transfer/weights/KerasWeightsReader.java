package org.easel.transfer.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.easel.core.error.EaselException;
import org.easel.transfer.backbone.ConvParam;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads convolution weights from a Keras weights-only HDF5 file (save_weights / keras.applications
 * layout: one group per layer, {@code <layer>/<layer>/kernel:0} and {@code bias:0}, kernels HWIO).
 * Layer groups are matched by name; datasets are searched in nested sub-groups because files
 * differ there (keras-squeezenet stores conv1 under {@code conv1/conv1_3/}).
 */
public final class KerasWeightsReader {
    private KerasWeightsReader() {
    }

    /** Kernel (converted to OIHW) and bias for every {@code needed} layer; shape mismatches name the layer. */
    public static Map<String, INDArray[]> read(Path file, List<ConvParam> needed) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Weights file " + file.toAbsolutePath() + " does not exist. Set transfer.weights to imagenet, random, "
                    + "or the path of a Keras .h5 weights file.");
        }
        Map<String, INDArray[]> out = new LinkedHashMap<>();
        Hdf5Archive h5;
        try {
            h5 = new Hdf5Archive(file.toString());
        } catch (RuntimeException e) {
            throw new EaselException("Cannot open " + file + " as HDF5 (" + e.getMessage() + "). transfer.weights must be a Keras .h5 weights file.", e);
        }
        try (h5) {
            List<String> top = h5.getGroups();
            if (top.contains("model_weights")) {
                throw new EaselException(file + " is a full Keras model file (it has model_weights/). Save the weights only "
                        + "(model.save_weights('x.h5')), or use the keras.applications no-top weights file.");
            }
            for (ConvParam p : needed) {
                String[] path = p.kerasName().split("/");
                if (!top.contains(path[0])) {
                    throw new EaselException("Weights file " + file.getFileName() + " has no layer '" + p.kerasName() + "'; it has: "
                            + String.join(", ", top) + ". Is it the weights file of this backbone?");
                }
                INDArray kernel = find(h5, path, "kernel:0");
                INDArray bias = find(h5, path, "bias:0");
                if (kernel == null || bias == null) {
                    throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' has no kernel:0/bias:0 datasets.");
                }
                long[] expected = p.hwio();
                if (!Arrays.equals(kernel.shape(), expected)) {
                    throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' kernel has shape "
                            + Arrays.toString(kernel.shape()) + ", expected " + Arrays.toString(expected)
                            + " (height, width, in, out). The file belongs to another architecture or input channel count.");
                }
                if (bias.length() != p.out()) {
                    throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' bias has "
                            + bias.length() + " values, expected " + p.out() + ".");
                }
                INDArray oihw = kernel.castTo(DataType.FLOAT).permute(3, 2, 0, 1).dup('c');
                out.put(p.kerasName(), new INDArray[]{oihw, bias.castTo(DataType.FLOAT).reshape(p.out()).dup()});
            }
        } catch (EaselException e) {
            throw e;
        } catch (Exception e) {
            throw new EaselException("Cannot read weights from " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Depth-first search under the layer's group for a dataset called {@code name}. */
    private static INDArray find(Hdf5Archive h5, String[] groups, String name) throws Exception {
        if (h5.getDataSets(groups).contains(name)) {
            return h5.readDataSet(name, groups);
        }
        for (String sub : h5.getGroups(groups)) {
            List<String> deeper = new ArrayList<>(Arrays.asList(groups));
            deeper.add(sub);
            INDArray found = find(h5, deeper.toArray(String[]::new), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
