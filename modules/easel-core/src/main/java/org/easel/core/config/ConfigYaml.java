package org.easel.core.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes config records back to YAML (the run folder's config.resolved.yaml) and to plain maps. */
public final class ConfigYaml {
    private ConfigYaml() {
    }

    public static String toYaml(Record config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        return new Yaml(options).dump(toPlain(config));
    }

    /** Records become ordered maps with snake_case keys; lists and maps are converted item by item. */
    public static Object toPlain(Object value) {
        if (value instanceof Record r) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = ConfigBinder.read(c, r);
                if (r instanceof ExperimentConfig && c.getName().equals("sections")) {
                    // Module sections are top-level keys in YAML, so the resolved file loads again as written.
                    ((Map<?, ?>) v).forEach((k, s) -> map.put(String.valueOf(k), toPlain(s)));
                } else {
                    map.put(Names.snake(c.getName()), toPlain(v));
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
            return out;
        }
        return value;
    }
}
