package org.easel.core.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The module sections on the classpath, by YAML key. */
public final class ConfigSections {
    private static volatile Map<String, Class<? extends Record>> cache;

    private ConfigSections() {
    }

    /** The valid {@code task:} values: core's classify and every task a module section declares. */
    public static Set<String> tasks() {
        Set<String> tasks = new LinkedHashSet<>(List.of(ExperimentConfig.CLASSIFY));
        for (ConfigSection s : ServiceLoader.load(ConfigSection.class)) {
            tasks.addAll(s.tasks());
        }
        return tasks;
    }

    public static Map<String, Class<? extends Record>> registered() {
        Map<String, Class<? extends Record>> m = cache;
        if (m == null) {
            Map<String, Class<? extends Record>> found = new TreeMap<>();
            for (ConfigSection s : ServiceLoader.load(ConfigSection.class)) {
                if (found.put(s.key(), s.type()) != null) {
                    throw new IllegalStateException("Two modules register config section '" + s.key() + "'");
                }
            }
            m = Collections.unmodifiableMap(found);
            cache = m;
        }
        return m;
    }
}
