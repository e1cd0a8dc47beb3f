package org.easel.core.run;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/** Versions and environment behind a run, written as provenance.json. */
public final class Provenance {
    private Provenance() {
    }

    public static String easelVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    public static Map<String, Object> capture(long seed, String datasetName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("easel_version", easelVersion());
        p.put("dl4j_version", "1.0.0-M2.1");
        p.put("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
        p.put("java_version", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("cpus", Runtime.getRuntime().availableProcessors());
        p.put("omp_num_threads", System.getenv("OMP_NUM_THREADS"));
        p.put("omp_wait_policy", System.getenv("OMP_WAIT_POLICY"));
        p.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        p.put("seed", seed);
        p.put("dataset", datasetName);
        p.put("started", OffsetDateTime.now().toString());
        return p;
    }
}
