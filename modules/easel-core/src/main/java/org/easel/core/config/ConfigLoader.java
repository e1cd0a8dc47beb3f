package org.easel.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.easel.core.error.ConfigException;
import org.easel.core.error.EaselException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an experiment YAML, applies {@code --set key.path=value} overrides and binds the result to
 * typed records. Every check happens here, before any work starts.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static ExperimentConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EaselException("Config file not found: " + file.toAbsolutePath()
                    + ". Ready-made configs are in configs/ (e.g. configs/mnist-mlp.yaml).");
        } catch (IOException e) {
            throw new EaselException("Cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString(), overrides, ExperimentConfig.class);
    }

    public static ExperimentConfig parse(String yaml, String sourceName, List<String> overrides) {
        return parse(yaml, sourceName, overrides, ExperimentConfig.class);
    }

    /** Binds YAML text to any config record type (used for sections and tests). */
    public static <T extends Record> T parse(String yaml, String sourceName, List<String> overrides, Class<T> type) {
        Node root = compose(yaml, sourceName);
        Map<Node, String> origins = ConfigBinder.newOrigins();
        if (root == null) {
            root = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        }
        List<String> problems = new ArrayList<>();
        for (String override : overrides) {
            applyOverride((MappingNode) requireMapping(root, sourceName), override, origins, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConfigBinder(sourceName, origins).bindRoot(root, type);
    }

    private static Node requireMapping(Node root, String sourceName) {
        if (!(root instanceof MappingNode)) {
            throw new ConfigException(List.of(sourceName + ":1:1: the top level of an experiment config must be a set of keys"
                    + " (name, task, data, model, training, output, ...)"));
        }
        return root;
    }

    private static Node compose(String yaml, String sourceName) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // the binder reports duplicates with their location
            options.setMaxAliasesForCollections(10);
            options.setNestingDepthLimit(20);
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(List.of(sourceName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                    + ": YAML syntax error: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "")));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(sourceName + ": YAML syntax error: " + e.getMessage()));
        }
    }

    /** The dotted key of a {@code key.path=value} override (the whole text when it has no '='). */
    public static String overrideKey(String override) {
        int eq = override.indexOf('=');
        return (eq < 0 ? override : override.substring(0, eq)).trim();
    }

    /** Sets one dotted path (list items by index: model.layers.0.units) in the composed tree. */
    private static void applyOverride(MappingNode root, String override, Map<Node, String> origins, List<String> problems) {
        String where = "--set " + override;
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(where + ": expected key.path=value, e.g. --set training.epochs=5");
            return;
        }
        String[] path = overrideKey(override).split("\\.");
        Node value;
        try {
            value = new Yaml().compose(new StringReader(override.substring(eq + 1)));
        } catch (YAMLException e) {
            problems.add(where + ": the value is not valid YAML: " + e.getMessage());
            return;
        }
        if (value == null) {
            value = new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        markOrigin(value, where, origins);
        Node current = root;
        for (int i = 0; i < path.length; i++) {
            String key = path[i];
            boolean last = i == path.length - 1;
            if (current instanceof MappingNode map) {
                NodeTuple found = null;
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                        found = t;
                    }
                }
                Node next = last ? value
                        : found != null ? found.getValueNode()
                        : new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                if (found == null || last) {
                    ScalarNode keyNode = new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN);
                    origins.put(keyNode, where);
                    origins.put(next, where);
                    List<NodeTuple> tuples = new ArrayList<>(map.getValue());
                    tuples.removeIf(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key));
                    tuples.add(new NodeTuple(keyNode, next));
                    map.setValue(tuples);
                }
                current = next;
            } else if (current instanceof SequenceNode seq) {
                int index;
                try {
                    index = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    problems.add(where + ": " + String.join(".", Arrays.copyOf(path, i))
                            + " is a list; address its items by number, e.g. " + String.join(".", Arrays.copyOf(path, i)) + ".0");
                    return;
                }
                if (index < 0 || index >= seq.getValue().size()) {
                    problems.add(where + ": " + String.join(".", Arrays.copyOf(path, i)) + " has "
                            + seq.getValue().size() + " items; index " + index + " does not exist");
                    return;
                }
                if (last) {
                    List<Node> items = new ArrayList<>(seq.getValue());
                    items.set(index, value);
                    seq.getValue().clear();
                    seq.getValue().addAll(items);
                }
                current = seq.getValue().get(index);
            } else {
                problems.add(where + ": " + String.join(".", Arrays.copyOf(path, i))
                        + " is a single value, it has no key '" + key + "'");
                return;
            }
        }
    }

    private static void markOrigin(Node node, String where, Map<Node, String> origins) {
        origins.put(node, where);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                markOrigin(t.getKeyNode(), where, origins);
                markOrigin(t.getValueNode(), where, origins);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) {
                markOrigin(n, where, origins);
            }
        }
    }
}
