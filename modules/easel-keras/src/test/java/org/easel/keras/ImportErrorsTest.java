package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.layers.core.KerasDense;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear EaselException naming the file, the layer, what was expected and found. */
@Timeout(120)
class ImportErrorsTest {
    @TempDir
    Path tmp;

    private static EaselException fails(KerasImporter importer, Path file) {
        return assertThrows(EaselException.class, () -> importer.importModel(file));
    }

    private ObjectNode mnistConfig() throws IOException {
        return (ObjectNode) KerasJson.parse(Files.readString(Fixtures.file("mnist_mlp_tf_keras_2_config.json")), "test");
    }

    private Path write(String name, JsonNode json) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, KerasJson.write(json));
        return p;
    }

    private static ArrayNode layers(ObjectNode config) {
        JsonNode c = config.get("config");
        return (ArrayNode) (c.isArray() ? c : c.get("layers"));
    }

    @Test
    void notAnHdf5File() throws IOException {
        Path p = tmp.resolve("model.h5");
        Files.writeString(p, "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n");
        EaselException e = fails(KerasImporter.builder().build(), p);
        assertTrue(e.getMessage().startsWith(p + " is not an HDF5 file"), e.getMessage());
        assertTrue(e.getMessage().contains("Git LFS pointer"), e.getMessage());
    }

    @Test
    void wrongInputShapeAtPredictionTimeIsExplained() {
        ImportedModel m = KerasImporter.builder().build().importModel(Fixtures.file("cnn_batch_norm.h5"));
        EaselException e = assertThrows(EaselException.class, () -> m.output(org.nd4j.linalg.factory.Nd4j.rand(2, 3, 10, 10)));
        assertTrue(e.getMessage().contains("cnn_batch_norm.h5") && e.getMessage().contains("[2, 3, 10, 10]")
                && e.getMessage().contains("[[10, 10, 3]]") && e.getMessage().contains("NHWC"), e.getMessage());
    }

    @Test
    void missingFile() {
        EaselException e = fails(KerasImporter.builder().build(), tmp.resolve("nope.h5"));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void truncatedFileNamesBothSizes() throws IOException {
        byte[] b = Files.readAllBytes(Fixtures.file("cnn_batch_norm.h5"));
        Path p = tmp.resolve("cut.h5");
        Files.write(p, java.util.Arrays.copyOf(b, 10_000));
        EaselException e = fails(KerasImporter.builder().build(), p);
        assertEquals(p + " is truncated: superblock says 22584 bytes, file has 10000. Download or copy the file again.", e.getMessage());
    }

    @Test
    void signatureAfterAUserBlockIsFound() throws IOException {
        // HDF5 allows a user block: the signature then sits at 512, 1024, ... Build one by hand.
        byte[] file = new byte[512 + 96];
        System.arraycopy(Hdf5Precheck.SIGNATURE, 0, file, 512, 8);
        file[512 + 8] = 2;          // superblock version 2
        file[512 + 9] = 8;          // offset size
        file[512 + 10] = 8;         // length size
        file[512 + 12] = 0;         // base address 512 (little endian, 8 bytes at +12)
        file[512 + 13] = 2;
        file[512 + 28] = (byte) 96; // end-of-file address (relative to base) = 96 -> file must be 608 bytes
        Path p = tmp.resolve("userblock.h5");
        Files.write(p, file);
        Hdf5Precheck.Superblock sb = Hdf5Precheck.check(p);
        assertEquals(512, sb.signatureOffset());
        assertEquals(512, sb.baseAddress());
        Files.write(p, java.util.Arrays.copyOf(file, 600));
        EaselException e = assertThrows(EaselException.class, () -> Hdf5Precheck.check(p));
        assertTrue(e.getMessage().contains("superblock says 608 bytes, file has 600"), e.getMessage());
    }

    @Test
    void hdf5ThatIsNotAKerasModel() {
        Path ref = Fixtures.file("mnist_mlp_tf_keras_2_inputs_and_outputs.h5");
        EaselException e = fails(KerasImporter.builder().build(), ref);
        assertTrue(e.getMessage().contains("is an HDF5 file but not a Keras model"), e.getMessage());
        assertTrue(e.getMessage().contains("predictions"), "lists what the file holds: " + e.getMessage());
    }

    @Test
    void weightsOnlyFileAloneAsksForTheArchitecture() {
        EaselException e = fails(KerasImporter.builder().build(), Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        assertTrue(e.getMessage().contains("holds only weights") && e.getMessage().contains("architecture"), e.getMessage());
    }

    @Test
    void allUnsupportedLayersAreListedAtOnce() throws IOException {
        ObjectNode config = mnistConfig();
        ArrayNode layers = layers(config);
        ((ObjectNode) layers.get(1)).put("class_name", "GRU");
        ((ObjectNode) layers.get(3)).put("class_name", "MyAttention");
        Path arch = write("arch.json", config);
        KerasImporter importer = KerasImporter.builder().architecture(arch).build();
        EaselException e = fails(importer, Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        String msg = e.getMessage();
        assertTrue(msg.contains("2 layer(s)"), msg);
        assertTrue(msg.contains("dropout_1 (GRU): DL4J 1.0.0-M2.1 has no GRU import"), msg);
        assertTrue(msg.contains("dropout_2 (MyAttention)") && msg.contains("customLayer(\"MyAttention\""), msg);
    }

    /** A custom mapping registered on the builder makes the layer importable, and only for that importer. */
    public static final class DenseAlias extends KerasDense {
        public DenseAlias(Map<String, Object> layerConfig) throws Exception {
            super(layerConfig, false);
        }
    }

    @Test
    void customLayerMappingIsPerImporter() throws IOException {
        ObjectNode config = mnistConfig();
        ((ObjectNode) layers(config).get(0)).put("class_name", "MyDense");
        Path arch = write("custom.json", config);
        Path weights = Fixtures.file("mnist_mlp_tf_keras_2_weights.h5");
        Class<? extends KerasLayer> mapping = DenseAlias.class;
        ImportedModel m = KerasImporter.builder().architecture(arch).customLayer("MyDense", mapping)
                .compareWith(Fixtures.file("mnist_mlp_tf_keras_2_inputs_and_outputs.h5")).build().importModel(weights);
        assertTrue(m.report().maxAbsDiff() < 1e-4);
        assertEquals("MyDense", m.report().layers().stream().filter(l -> l.name().equals("dense_1")).findFirst().orElseThrow().kerasClass());
        // Another importer without the mapping does not see it.
        EaselException e = fails(KerasImporter.builder().architecture(arch).build(), weights);
        assertTrue(e.getMessage().contains("dense_1 (MyDense)"), e.getMessage());
    }

    @Test
    void weightShapeMismatchNamesLayerExpectedAndFound() throws IOException {
        ObjectNode config = mnistConfig();
        ((ObjectNode) layers(config).get(2).get("config")).put("units", 256);
        Path arch = write("wrong.json", config);
        EaselException e = fails(KerasImporter.builder().architecture(arch).build(), Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        assertTrue(e.getMessage().contains("layer 'dense_2' (Dense): config says units=256, so expected kernel [*, 256], found kernel [512, 512]"),
                e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRefused() throws IOException {
        String deep = "{\"class_name\": \"Sequential\", \"config\": " + "[".repeat(200) + "]".repeat(200) + "}";
        Path arch = tmp.resolve("deep.json");
        Files.writeString(arch, deep);
        EaselException e = fails(KerasImporter.builder().architecture(arch).build(), Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }

    @Test
    void absurdDeclaredDimensionsAreRefusedWithoutAllocating() throws IOException {
        ObjectNode config = mnistConfig();
        ((ObjectNode) layers(config).get(0).get("config")).putArray("batch_input_shape").addNull().add(2_000_000_000L);
        ((ObjectNode) layers(config).get(0).get("config")).put("units", 2_000_000_000L);
        Path arch = write("huge.json", config);
        EaselException e = fails(KerasImporter.builder().architecture(arch).build(), Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        assertTrue(e.getMessage().contains("dense_1") && e.getMessage().contains("units=2000000000"), e.getMessage());
    }

    @Test
    void dl4jFailuresAreWrappedWithFileAndLayer() throws IOException {
        // Dense kernel fits units but not the previous layer's width: only DL4J notices while copying weights.
        ObjectNode config = mnistConfig();
        ((ObjectNode) layers(config).get(0).get("config")).putArray("batch_input_shape").addNull().add(100);
        Path arch = write("width.json", config);
        EaselException e = fails(KerasImporter.builder().architecture(arch).build(), Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        assertTrue(e.getMessage().contains("width.json") && e.getMessage().contains("layer 'dense_1' (Dense): the file holds 401920 weights"
                + " (kernel [784, 512], bias [512]) but the layer built from the config has 51712 parameters"), e.getMessage());
    }
}
