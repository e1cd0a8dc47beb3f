package org.easel.keras;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.easel.core.error.EaselException;

/**
 * How raw pixels (0..255) become the numbers an imported model was trained on:
 * {@code x = (pixel / scale - mean[c]) / std[c]}, per channel {@code c} (one value applies to all channels).
 * The default, {@code scale 255, mean 0, std 1}, is the R keras / Keras tutorial convention {@code x / 255}.
 * Stated once: on the command line ({@code --scale 255 --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225}),
 * or in a sidecar file next to the model ({@code model.h5.scaling.json}: {@code {"scale": 1, "mean": [103.9, 116.8, 123.7]}});
 * {@code easel import} records it in the zip, where evaluate, predict and summary find it again.
 */
public record InputScaling(double scale, List<Double> mean, List<Double> std) {
    public static final InputScaling DEFAULT = new InputScaling(255, List.of(0.0), List.of(1.0));
    /** Sidecar next to a model file: {@code <model file name>.scaling.json}. */
    public static final String SIDECAR_SUFFIX = ".scaling.json";

    public InputScaling {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new EaselException("Input scaling: scale must be a positive number (pixels are divided by it), got " + scale + ".");
        }
        mean = mean == null || mean.isEmpty() ? List.of(0.0) : List.copyOf(mean);
        std = std == null || std.isEmpty() ? List.of(1.0) : List.copyOf(std);
        for (double s : std) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new EaselException("Input scaling: every std must be a positive number, got " + std + ".");
            }
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new EaselException("Input scaling: every mean must be a finite number, got " + mean + ".");
            }
        }
    }

    /** From command-line options; null values keep the defaults. {@code mean}/{@code std} are comma-separated. */
    public static InputScaling of(Double scale, String mean, String std) {
        return new InputScaling(scale == null ? 255 : scale, numbers(mean, "--mean"), numbers(std, "--std"));
    }

    /** The sidecar next to {@code model} if there is one, else null. */
    public static InputScaling sidecar(Path model) {
        Path p = sidecarFile(model);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            return parse(Files.readString(p), p.toString());
        } catch (IOException e) {
            throw new EaselException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** The sidecar file of {@code model} ({@code <model file name>.scaling.json}), whether or not it exists. */
    public static Path sidecarFile(Path model) {
        return model.resolveSibling(model.getFileName() + SIDECAR_SUFFIX);
    }

    /** Parses sidecar text ({@code {"scale": 1, "mean": [...], "std": [...]}}); {@code source} names it in errors. */
    public static InputScaling parse(String json, String source) {
        JsonNode n = KerasJson.parse(json, source);
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("scale", "mean", "std").contains(k)) {
                throw new EaselException(source + ": unknown key '" + k + "'; a scaling sidecar has scale, mean and std.");
            }
        }
        return new InputScaling(n.path("scale").asDouble(255), list(n.get("mean"), source), list(n.get("std"), source));
    }

    /** Checks the channel count against the model's input. */
    public InputScaling checkChannels(int channels) {
        if ((mean.size() != 1 && mean.size() != channels) || (std.size() != 1 && std.size() != channels)) {
            throw new EaselException("Input scaling " + this + " gives " + mean.size() + " mean(s) and " + std.size()
                    + " std(s), but the model takes " + channels + "-channel images: give one value or one per channel.");
        }
        return this;
    }

    /**
     * Turns pixels in [0, 1] (Easel's image readers give pixel / 255) into model inputs, in place. {@code data}
     * holds images one after another, each {@code channels} planes of {@code plane} values (CHW).
     */
    public void apply(float[] data, int channels, int plane) {
        if (isDefault() || channels <= 0 || plane <= 0) {
            return;
        }
        double toRaw = 255.0 / scale;
        for (int i = 0; i < data.length; i++) {
            int c = (i / plane) % channels;
            double m = mean.get(mean.size() == 1 ? 0 : c);
            double s = std.get(std.size() == 1 ? 0 : c);
            data[i] = (float) ((data[i] * toRaw - m) / s);
        }
    }

    @JsonIgnore
    public boolean isDefault() {
        return scale == 255 && mean.stream().allMatch(m -> m == 0) && std.stream().allMatch(s -> s == 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "x = (pixel / %s - %s) / %s", num(scale), mean.size() == 1 ? num(mean.get(0)) : list(mean),
                std.size() == 1 ? num(std.get(0)) : list(std));
    }

    private static String list(List<Double> v) {
        List<String> s = new ArrayList<>();
        v.forEach(d -> s.add(num(d)));
        return "[" + String.join(", ", s) + "]";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<Double> numbers(String csv, String option) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                out.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new EaselException(option + " " + csv + ": '" + part.strip() + "' is not a number; give one value or one per"
                        + " channel, comma-separated (e.g. 0.485,0.456,0.406).");
            }
        }
        return out;
    }

    private static List<Double> list(JsonNode n, String file) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        if (n.isNumber()) {
            out.add(n.asDouble());
            return out;
        }
        if (!n.isArray()) {
            throw new EaselException(file + ": mean and std must be a number or a list of numbers, got " + n + ".");
        }
        for (JsonNode v : n) {
            if (!v.isNumber()) {
                throw new EaselException(file + ": mean and std must be numbers, got " + v + ".");
            }
            out.add(v.asDouble());
        }
        return out;
    }
}
