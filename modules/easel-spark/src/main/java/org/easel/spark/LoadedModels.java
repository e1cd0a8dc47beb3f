package org.easel.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executor-side cache of loaded models, per model id. A task borrows an idle instance (or loads one if
 * all are busy) and gives it back, so an executor loads the model once per concurrently running task
 * (its cores), not once per partition. DL4J networks are not shared between threads at the same time.
 */
final class LoadedModels {
    private static final Map<String, Queue<Labeler>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private LoadedModels() {
    }

    static Labeler borrow(ModelPayload model) {
        Labeler l = IDLE.computeIfAbsent(model.modelId(), k -> new ConcurrentLinkedQueue<>()).poll();
        if (l == null) {
            LOADS.incrementAndGet();
            l = model.open(false);
        }
        return l;
    }

    static void giveBack(ModelPayload model, Labeler l) {
        IDLE.computeIfAbsent(model.modelId(), k -> new ConcurrentLinkedQueue<>()).offer(l);
    }

    /** Models loaded in this JVM so far (tests check it stays at most the number of task threads). */
    static int loads() {
        return LOADS.get();
    }

    static void clear() {
        IDLE.clear();
    }
}
