package org.easel.core.error;

import java.util.List;

/** One or more problems in an experiment config, each naming file, YAML path, line and column. */
public class ConfigException extends EaselException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid config: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("Invalid config (" + problems.size() + " problems):");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
