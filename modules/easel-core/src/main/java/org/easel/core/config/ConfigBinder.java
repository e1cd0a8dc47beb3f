package org.easel.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.easel.core.error.ConfigException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns a composed YAML node tree into immutable config records. Every record type declares a
 * {@code public static final DEFAULTS} instance; keys absent from the YAML keep those defaults.
 * Unknown keys, wrong types and failed {@link Validated} checks are all collected, then thrown
 * together as one {@link ConfigException} whose lines read {@code file:line:col: yaml.path: problem}.
 */
final class ConfigBinder {
    private final String source;
    private final Map<Node, String> origins;
    private final List<String> problems = new ArrayList<>();

    ConfigBinder(String source, Map<Node, String> origins) {
        this.source = source;
        this.origins = origins;
    }

    <T extends Record> T bindRoot(Node root, Class<T> type) {
        T result = bindRecord(root, type, defaultsOf(type), "");
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return result;
    }

    // ---------------------------------------------------------------- records

    private <T extends Record> T bindRecord(Node node, Class<T> type, T defaults, String path) {
        if (node != null && !(node instanceof MappingNode)) {
            problem(node, path, "expected a section of keys (" + describeKeys(type) + "), found " + describe(node));
            return defaults;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(Names.snake(c.getName()), c);
        }
        // The root may hold module sections (transfer:, style:, ...) registered on the classpath.
        Map<String, Class<? extends Record>> moduleSections = type == ExperimentConfig.class ? ConfigSections.registered() : Map.of();
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        Map<String, Record> sections = new TreeMap<>();
        if (node != null) {
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                String key = scalarText(t.getKeyNode());
                if (key == null) {
                    problem(t.getKeyNode(), path, "keys must be plain names");
                } else if (moduleSections.containsKey(key) && !byKey.containsKey(key)) {
                    sections.put(key, bindAnyRecordOf(t.getValueNode(), moduleSections.get(key), join(path, key)));
                } else if (!byKey.containsKey(key) && moved(type, key) != null) {
                    problem(t.getKeyNode(), join(path, key), moved(type, key));
                } else if (!byKey.containsKey(key) || (type == ExperimentConfig.class && key.equals("sections"))) {
                    Set<String> valid = new LinkedHashSet<>(byKey.keySet());
                    valid.remove("sections");
                    valid.addAll(moduleSections.keySet());
                    String near = Names.nearest(key, valid);
                    problem(t.getKeyNode(), join(path, key), "unknown key"
                            + (near != null ? "; did you mean '" + near + "'?" : ".")
                            + " Valid keys" + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", valid));
                } else if (given.containsKey(key)) {
                    problem(t.getKeyNode(), join(path, key), "key appears twice");
                } else {
                    given.put(key, t);
                }
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = Names.snake(c.getName());
            types[i] = c.getType();
            Object def = defaults == null ? null : read(c, defaults);
            NodeTuple t = given.get(key);
            if (type == ExperimentConfig.class && key.equals("sections")) {
                args[i] = Map.copyOf(sections);
                continue;
            }
            args[i] = t == null ? def : bindValue(t.getValueNode(), c.getGenericType(), def, join(path, key));
        }
        T value;
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            value = ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problem(node, path, String.valueOf(cause.getMessage()));
            return defaults;
        }
        if (value instanceof Validated v) {
            Node sectionNode = node;
            v.validate((ok, key, message) -> {
                if (!ok) {
                    NodeTuple t = given.get(key);
                    Node where = t != null ? t.getValueNode() : sectionNode;
                    problem(where, join(path, key), message);
                }
            });
        }
        return value;
    }

    /**
     * Where a key that no longer exists went: a record type lists its old keys in a
     * {@code public static final Map<String, String> MOVED} (old key -> what to write instead), so an old
     * config fails with that advice and its line instead of a bare "unknown key".
     */
    @SuppressWarnings("unchecked")
    private static String moved(Class<?> type, String key) {
        try {
            Field f = type.getField("MOVED");
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof Map<?, ?> m && m.get(key) instanceof String advice) {
                return advice;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
        return null;
    }

    // ---------------------------------------------------------------- values

    private Object bindValue(Node node, Type type, Object def, String path) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            return bindAnyRecord(node, raw, def, path);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, path, "expected a list, found " + describe(node));
                return def;
            }
            Type elem = ((ParameterizedType) type).getActualTypeArguments()[0];
            Class<?> elemRaw = rawClass(elem);
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Node n : seq.getValue()) {
                Object d = elemRaw.isRecord() ? defaultsOf(elemRaw) : null;
                out.add(bindValue(n, elem, d, path + "[" + i++ + "]"));
            }
            return List.copyOf(out.stream().filter(o -> o != null).toList());
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (isNull(node)) {
                return Map.of();
            }
            if (!(node instanceof MappingNode map)) {
                problem(node, path, "expected a mapping of names to values, found " + describe(node));
                return def;
            }
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = scalarText(t.getKeyNode());
                Object v = bindValue(t.getValueNode(), valueType, null, join(path, String.valueOf(key)));
                if (key != null && v != null) {
                    out.put(key, v);
                }
            }
            return Map.copyOf(out);
        }
        return bindScalar(node, raw, def, path);
    }

    private Record bindAnyRecordOf(Node node, Class<? extends Record> type, String path) {
        return (Record) bindAnyRecord(node, type, null, path);
    }

    @SuppressWarnings("unchecked")
    private <T extends Record> Object bindAnyRecord(Node node, Class<?> raw, Object def, String path) {
        Class<T> type = (Class<T>) raw;
        return bindRecord(node, type, def != null ? type.cast(def) : defaultsOf(type), path);
    }

    private Object bindScalar(Node node, Class<?> raw, Object def, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected " + typeName(raw) + ", found " + describe(node));
            return def;
        }
        String text = scalar.getValue().trim();
        if (isNull(node)) {
            if (raw == String.class) {
                return null;
            }
            problem(node, path, "expected " + typeName(raw) + ", found nothing (null)");
            return def;
        }
        try {
            if (raw == String.class) {
                return scalar.getValue();
            }
            if (raw == int.class || raw == Integer.class) {
                return Integer.parseInt(text.replace("_", ""));
            }
            if (raw == long.class || raw == Long.class) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (raw == double.class || raw == Double.class) {
                return Double.parseDouble(text.replace("_", ""));
            }
            if (raw == boolean.class || raw == Boolean.class) {
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on":
                        return true;
                    case "false", "no", "off":
                        return false;
                    default:
                        throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            problem(node, path, "expected " + typeName(raw) + ", found '" + scalar.getValue() + "'");
            return def;
        }
        throw new IllegalStateException("Config type not supported by the binder: " + raw + " at " + path);
    }

    // ---------------------------------------------------------------- helpers

    static <T> T defaultsOf(Class<T> type) {
        try {
            Field f = type.getField("DEFAULTS");
            if (!Modifier.isStatic(f.getModifiers())) {
                throw new IllegalStateException(type + ".DEFAULTS must be static");
            }
            return type.cast(f.get(null));
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("Config record " + type.getName() + " needs a public static final DEFAULTS", e);
        }
    }

    static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("Unsupported config type " + type);
    }

    private static String describeKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            keys.add(Names.snake(c.getName()));
        }
        return String.join(", ", keys);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String typeName(Class<?> raw) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        return "text";
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a section of keys";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node == null ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void problem(Node node, String path, String message) {
        problems.add(location(node) + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    String location(Node node) {
        if (node == null) {
            return source;
        }
        String origin = origins.get(node);
        if (origin != null) {
            return origin;
        }
        return source + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }

    static Map<Node, String> newOrigins() {
        return new IdentityHashMap<>();
    }
}
