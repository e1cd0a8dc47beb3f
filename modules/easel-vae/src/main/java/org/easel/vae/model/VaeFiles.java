package org.easel.vae.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The VAE model file: a zip with {@code easel-vae.json} (the {@link VaeSpec}) and
 * {@code graph.sd} (SameDiff's own serialisation, optionally with the Adam state for resuming).
 * Written atomically, so a crash leaves the previous file intact.
 */
public final class VaeFiles {
    static final String SPEC_ENTRY = "easel-vae.json";
    static final String GRAPH_ENTRY = "graph.sd";

    private VaeFiles() {
    }

    public static void save(VaeModel model, Path file, boolean withUpdaterState) {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        model.sameDiff().save(graph, withUpdaterState);
        byte[] spec = Json.pretty(model.spec()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeStream(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, SPEC_ENTRY, spec);
            put(zip, GRAPH_ENTRY, graph.toByteArray());
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Loads a model file; anything that is not an Easel VAE fails with a message saying what was found. */
    public static VaeModel load(Path file, boolean withUpdaterState) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("VAE model file " + file.toAbsolutePath() + " does not exist. Pass the vae.zip of a run folder"
                    + " (outputs/<name>-<time>/vae.zip) written by 'easel run' with task: vae.");
        }
        byte[] specBytes = null;
        byte[] graphBytes = null;
        boolean anyEntry = false;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                anyEntry = true;
                if (SPEC_ENTRY.equals(e.getName())) {
                    specBytes = zip.readAllBytes();
                } else if (GRAPH_ENTRY.equals(e.getName())) {
                    graphBytes = zip.readAllBytes();
                }
            }
        } catch (ZipException e) {
            anyEntry = false;
        } catch (IOException e) {
            throw new EaselException("Cannot read VAE model file " + file + ": " + e.getMessage(), e);
        }
        if (specBytes == null || graphBytes == null) {
            String found = !anyEntry ? "it is not a zip archive" : specBytes == null
                    ? "it is a zip without " + SPEC_ENTRY + " (e.g. a classifier model.zip)" : "it has no " + GRAPH_ENTRY;
            throw new EaselException(file + " is not an Easel VAE model: " + found + ". Expected the vae.zip written by"
                    + " 'easel run' with task: vae (outputs/<name>-<time>/vae.zip).");
        }
        VaeSpec spec;
        try {
            spec = Json.MAPPER.readValue(specBytes, VaeSpec.class);
        } catch (IOException e) {
            throw new EaselException(file + " has an unreadable " + SPEC_ENTRY + " (" + e.getMessage() + "); it is not a valid Easel VAE model.", e);
        }
        if (!VaeSpec.FORMAT.equals(spec.format()) || spec.version() > VaeSpec.VERSION) {
            throw new EaselException(file + " is not a supported Easel VAE model: format '" + spec.format() + "' version "
                    + spec.version() + ", expected '" + VaeSpec.FORMAT + "' version <= " + VaeSpec.VERSION + ".");
        }
        SameDiff sd;
        try {
            sd = SameDiff.load(new ByteArrayInputStream(graphBytes), withUpdaterState);
        } catch (RuntimeException e) {
            throw new EaselException(file + ": the SameDiff graph inside cannot be loaded (" + e.getMessage()
                    + "); the file is damaged. Use another checkpoint or train again.", e);
        }
        return VaeModel.wrap(sd, spec);
    }

}
