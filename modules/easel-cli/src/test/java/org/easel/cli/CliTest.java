package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.config.ConfigReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    /** Runs the CLI in-process; returns exit code, stdout (System.out and picocli out) and stderr. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        // Commands print results to System.out and picocli prints help to its own writer: capture both.
        CommandLine cl = EaselCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        try {
            int code = cl.execute(args);
            return new Result(code, out + sysOut.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertEquals(0, help.code());
        for (String cmd : new String[]{"run", "evaluate", "predict", "summary", "import", "export", "stylize", "sample", "datasets"}) {
            assertTrue(help.out().contains(cmd), "missing " + cmd + " in: [" + help.out() + "]");
            Result sub = run(cmd, "--help");
            assertEquals(0, sub.code(), cmd);
            assertTrue(sub.out().contains("Usage: easel " + cmd), sub.out());
        }
        Result version = run("--version");
        assertTrue(version.out().contains("easel 0.1.0"), version.out());
    }

    @Test
    void badConfigExitsWithCodeTwoAndALocatedMessage(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "name: x\ntraining:\n  epocs: 3\n");
        Result r = run("run", "--config", cfg.toString());
        assertEquals(EaselCommand.USER_ERROR, r.code());
        assertTrue(r.err().contains("bad.yaml:3:3: training.epocs: unknown key; did you mean 'epochs'?"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace for user errors: " + r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("run", "--confg", "x.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option") || r.err().contains("Did you mean"), r.err());
    }

    @Test
    void summaryOfTheSeedConfig() {
        Result r = run("summary", repo().resolve("configs/mnist-mlp.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Total params: 235,146"), r.out());
    }

    @Test
    void configReferenceIsUpToDate() throws Exception {
        String committed = Files.readString(repo().resolve("configs/README.md"));
        assertEquals(ConfigReference.markdown(), committed,
                "configs/README.md is stale: regenerate it with ./easel config-reference > configs/README.md");
    }

    @Test
    void samplingFromSomethingThatIsNotAVaeIsAUserError(@TempDir Path dir) throws Exception {
        Path notVae = dir.resolve("model.zip");
        Files.writeString(notVae, "not a model");
        Result r = run("sample", "--model", notVae.toString(), "--out", dir.resolve("grid.png").toString());
        assertEquals(EaselCommand.USER_ERROR, r.code());
        assertTrue(!Files.exists(dir.resolve("grid.png")), "no output on error");
    }

    @Test
    void datasetsCommandShowsWhereItLooks(@TempDir Path dir) {
        Result r = run("datasets", "--data-dir", dir.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains(dir.toAbsolutePath().toString()) && r.out().contains("0/4 files"), r.out());
    }
}
