package org.easel.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When ../shared (datasets, images, Keras fixtures) is absent, the tests that need it skip themselves by assumption.
 * Instead of one notice per test, every module's test JVM adds its count to {@code target/shared-skips.txt} at the
 * repository root (easel-core, the first module, starts it over: {@code easel.test.first}), and the last module of the
 * build (easel-cli, system property {@code easel.test.summary}) prints
 * ONE line with the total and why. Registered for every module through easel-core's test jar.
 */
public final class SharedSkipSummary implements TestExecutionListener {
    private final AtomicInteger aborted = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            aborted.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String shared = System.getProperty("easel.test.shared");
        if (shared == null || Files.isDirectory(Path.of(shared))) {
            return; // ../shared is there: skips (if any) have other reasons and surefire reports them itself
        }
        // surefire runs each module in its own folder, modules/<module>: the tally lives in the root's target/
        Path tally = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().getParent().resolve("target").resolve("shared-skips.txt");
        try {
            Files.createDirectories(tally.getParent());
            // easel-core tests first in a full build (easel.test.first): a tally left by an earlier, partial run starts over
            StandardOpenOption mode = Boolean.getBoolean("easel.test.first") ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(tally, aborted.get() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
            if (Boolean.getBoolean("easel.test.summary")) {
                List<String> counts = Files.readAllLines(tally, StandardCharsets.UTF_8);
                int total = counts.stream().filter(l -> !l.isBlank()).mapToInt(Integer::parseInt).sum();
                Files.delete(tally);
                System.out.println("[easel] " + total + " tests skipped: " + Path.of(shared).normalize()
                        + " (datasets, images, Keras fixtures) is absent; put a copy of shared/ beside the repository to run them.");
            }
        } catch (IOException | NumberFormatException e) {
            System.out.println("[easel] tests skipped because " + shared + " is absent (" + e.getMessage() + ")");
        }
    }
}
