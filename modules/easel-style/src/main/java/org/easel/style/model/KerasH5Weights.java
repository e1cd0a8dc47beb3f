package org.easel.style.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a Keras weights-only .h5 ({@code model.save_weights}): one group per layer, datasets
 * {@code <layer>/<weight name>}. Layer names may contain '/' (SqueezeNet's {@code fire2/squeeze1x1})
 * and weight names carry suffixes ({@code fire2/squeeze1x1_3/kernel:0}, Keras 1's
 * {@code block1_conv1_W_1:0}), so the file is walked once and kernels/biases are found by the layer's
 * path prefix instead of by reconstructing Keras' naming rules. The root {@code layer_names}
 * attribute is not read: DL4J's reader fails on fixed-length string arrays.
 */
public final class KerasH5Weights {
    private static final Pattern KERNEL = Pattern.compile("(kernel|.*_W)(_\\d+)?:0");
    private static final Pattern BIAS = Pattern.compile("(bias|.*_b)(_\\d+)?:0");

    private final Path file;
    private final Map<String, INDArray> datasets;

    private KerasH5Weights(Path file, Map<String, INDArray> datasets) {
        this.file = file;
        this.datasets = datasets;
    }

    public static KerasH5Weights read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Weights file " + file.toAbsolutePath() + " does not exist.");
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (Hdf5Archive h5 = new Hdf5Archive(file.toString())) {
            walk(h5, new ArrayList<>(), out);
        } catch (EaselException e) {
            throw e;
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new EaselException("Cannot read Keras weights " + file.toAbsolutePath() + ": " + e.getMessage()
                    + ". Expected an HDF5 file written by Keras save_weights(); re-download it or point pretrained_dir elsewhere.", e);
        }
        if (out.isEmpty()) {
            throw new EaselException("Keras weights file " + file.toAbsolutePath() + " holds no datasets; it is not a weights file.");
        }
        return new KerasH5Weights(file, out);
    }

    private static void walk(Hdf5Archive h5, List<String> path, Map<String, INDArray> out) throws Exception {
        if (path.size() > 8) {
            return;
        }
        String[] groups = path.toArray(new String[0]);
        for (String ds : h5.getDataSets(groups)) {
            out.put(String.join("/", path) + "/" + ds, h5.readDataSet(ds, groups));
        }
        for (String g : h5.getGroups(groups)) {
            path.add(g);
            walk(h5, path, out);
            path.remove(path.size() - 1);
        }
    }

    /** The Keras kernel (HWIO for Conv2D) of {@code layer}, checked against the expected shape. */
    public INDArray kernel(String layer, long... expectedShape) {
        return find(layer, KERNEL, "kernel", expectedShape);
    }

    public INDArray bias(String layer, long... expectedShape) {
        return find(layer, BIAS, "bias", expectedShape);
    }

    private INDArray find(String layer, Pattern pattern, String what, long[] expected) {
        String prefix = layer + "/";
        INDArray found = null;
        for (Map.Entry<String, INDArray> e : datasets.entrySet()) {
            String key = e.getKey();
            String last = key.substring(key.lastIndexOf('/') + 1);
            if (key.startsWith(prefix) && pattern.matcher(last).matches()) {
                if (found != null) {
                    throw new EaselException("Weights file " + file + " has two " + what + " datasets for layer '" + layer + "'.");
                }
                found = e.getValue();
            }
        }
        if (found == null) {
            throw new EaselException("Weights file " + file.toAbsolutePath() + " has no " + what + " for layer '" + layer
                    + "'. It holds: " + String.join(", ", datasets.keySet()) + ". Is it the right file for this network?");
        }
        if (!java.util.Arrays.equals(found.shape(), expected)) {
            throw new EaselException("Weights file " + file.toAbsolutePath() + ": layer '" + layer + "' " + what + " has shape "
                    + java.util.Arrays.toString(found.shape()) + ", expected " + java.util.Arrays.toString(expected)
                    + ". The file belongs to a different architecture.");
        }
        return found;
    }
}
