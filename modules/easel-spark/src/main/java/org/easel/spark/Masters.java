package org.easel.spark;

import java.util.regex.Pattern;
import org.easel.core.error.EaselException;

/** Checks a Spark master string before Spark does (Spark's own error is a stack trace). */
public final class Masters {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:[0-9]{1,5}");

    private Masters() {
    }

    /** Null if the master string is usable, else what is wrong with it. */
    public static String problem(String master) {
        if (master == null || master.isBlank()) {
            return "is empty; use local[*], local[N], spark://host:port, yarn or k8s://https://host:port";
        }
        if (LOCAL.matcher(master).matches() || master.equals("yarn")) {
            return null;
        }
        if (master.startsWith("spark://")) {
            for (String hp : master.substring("spark://".length()).split(",")) {
                if (!HOST_PORT.matcher(hp).matches()) {
                    return "'" + master + "': a standalone master is spark://host:port (several masters: spark://h1:7077,h2:7077)";
                }
            }
            return null;
        }
        if (master.startsWith("k8s://") && master.length() > "k8s://".length()) {
            return null;
        }
        return "'" + master + "' is not a Spark master; use local[*], local[N], local[N,maxFailures], spark://host:port, yarn or "
                + "k8s://https://host:port";
    }

    public static String check(String master) {
        String p = problem(master);
        if (p != null) {
            throw new EaselException("--master " + p);
        }
        return master;
    }

    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }
}
