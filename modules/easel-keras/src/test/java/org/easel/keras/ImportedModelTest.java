package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.easel.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** save() writes a DL4J zip with the report inside; the report is JSON with every layer; summary is readable. */
class ImportedModelTest {
    @TempDir
    Path tmp;

    @Test
    void saveReportAndSummary() throws Exception {
        ImportedModel m = KerasImporter.builder()
                .compareWith(Fixtures.file("simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("simple_sparse_xent_mlp_keras_2_model.h5"));
        Path zip = tmp.resolve("out/model.zip");
        m.save(zip);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        INDArray x = ReferenceData.read(Fixtures.file("simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5")).inputs().get(0);
        assertEquals(m.output(x)[0], restored.output(x, false));

        JsonNode report = Json.MAPPER.readTree((String) ModelSerializer.getObjectFromFile(zip.toFile(), ImportedModel.REPORT_ENTRY));
        assertEquals("2.3.1", report.get("kerasVersion").asText());
        assertEquals("tensorflow", report.get("backend").asText());
        assertEquals("MultiLayerNetwork", report.get("networkType").asText());
        assertTrue(report.get("maxAbsDiff").asDouble() < 1e-6);
        assertEquals("[[4]]", report.get("inputShapes").toString());
        JsonNode dense = report.get("layers").get(1);
        assertEquals("dense_1", dense.get("name").asText());
        assertEquals("Dense", dense.get("kerasClass").asText());
        assertEquals("DenseLayer", dense.get("mappedTo").asText());
        assertEquals(15, dense.get("params").asLong());

        Path json = tmp.resolve("out/import-report.json");
        m.saveReport(json);
        assertEquals(report, Json.MAPPER.readTree(java.nio.file.Files.readString(json)));

        String summary = m.summary();
        System.out.println(summary);
        assertTrue(summary.contains("dense_1 (Dense)") && summary.contains("(None, 3)") && summary.contains("Total params: 15"), summary);
        assertTrue(summary.contains("Largest absolute difference"), summary);
    }
}
