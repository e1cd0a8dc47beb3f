package org.easel.transfer.model;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.easel.core.data.DataSplits;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.predict.Predictor;
import org.easel.core.train.Evaluator;
import org.easel.nets.BackboneWeights;
import org.easel.nets.ConvSpec;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.nets.Preprocessing;
import org.easel.transfer.featurize.FeatureExtractor;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.modelfile.GraphBackbone;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained transfer classifier: frozen backbone (its weights included, so the model does not depend
 * on the pretrained folder or the backbone's model file later), feature scaling and the head. One zip file:
 * {@code transfer.json} ({@link TransferInfo}), the backbone — {@code backbone.bin} (conv kernels OIHW, as
 * every Easel version has written them, and biases) for built-in backbones, {@code backbone-graph.zip} (the DL4J graph cut at the freeze layer) for
 * model-file backbones — and {@code head.zip} (the DL4J head). {@link #predict} labels an image or a folder of images.
 */
public final class TransferModel {
    static final String INFO = "transfer.json";
    static final String BACKBONE = "backbone.bin";
    static final String BACKBONE_GRAPH = "backbone-graph.zip";
    static final String HEAD = "head.zip";
    private static final int BATCH = 16;

    private final TransferInfo info;
    private final Network net;
    private final int last;
    private final BackboneWeights weights;
    private final MultiLayerNetwork head;
    private final FeatureScaler scaler;
    private final GraphBackbone graph;
    private FeatureExtractor backbone;

    /** A model on a built-in backbone with these (possibly fine-tuned) weights. */
    public TransferModel(TransferInfo info, BackboneWeights weights, MultiLayerNetwork head) {
        this.info = info;
        this.net = Networks.get(info.backbone(), "the model's backbone");
        this.last = net.indexOf(info.freezeUpTo(), "the model's freeze layer");
        this.weights = weights;
        this.head = head;
        this.scaler = new FeatureScaler(info.featureMean(), info.featureStd());
        this.graph = null;
    }

    /** A model on a model-file backbone: {@code graph} is the file's network cut at the freeze layer. */
    public TransferModel(TransferInfo info, GraphBackbone graph, BackboneWeights descriptor, MultiLayerNetwork head) {
        this.info = info;
        this.net = null;
        this.last = -1;
        this.weights = descriptor;
        this.head = head;
        this.scaler = new FeatureScaler(info.featureMean(), info.featureStd());
        this.graph = graph;
        this.backbone = graph;
    }

    public TransferInfo info() {
        return info;
    }

    /** The backbone's weights up to the freeze layer (fine-tuned layers included); for model-file backbones a descriptor without parameters. */
    public BackboneWeights weights() {
        return weights;
    }

    public MultiLayerNetwork head() {
        return head;
    }

    public FeatureExtractor backbone() {
        if (backbone == null) {
            backbone = new FrozenBackbone(net, last, weights, info.inputSize(), info.pooling());
        }
        return backbone;
    }

    public ImageReader reader() {
        return new ImageReader(info.inputSize(), info.imageChannels(), Preprocessing.valueOf(info.preprocessing()));
    }

    /** True if {@code file} is a zip written by {@link #save}. */
    public static boolean isTransferModel(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(INFO) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public void save(Path file) {
        AtomicFiles.writeStream(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            zip.putNextEntry(new ZipEntry(INFO));
            zip.write(Json.pretty(info).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (graph != null) {
                zip.putNextEntry(new ZipEntry(BACKBONE_GRAPH));
                ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
                ModelSerializer.writeModel(graph.graph(), graphBytes, false);
                zip.write(graphBytes.toByteArray());
                zip.closeEntry();
            } else {
                zip.putNextEntry(new ZipEntry(BACKBONE));
                DataOutputStream out = new DataOutputStream(zip);
                List<ConvSpec> params = net.convs(last);
                out.writeInt(params.size());
                for (ConvSpec p : params) {
                    out.writeUTF(p.kerasName());
                    writeArray(out, weights.kernel(p.kerasName()).permute(3, 2, 0, 1)); // HWIO -> OIHW
                    writeArray(out, weights.bias(p.kerasName()));
                }
                out.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(HEAD));
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(head, headBytes, false);
            zip.write(headBytes.toByteArray());
            zip.closeEntry();
            zip.finish();
        });
    }

    public static TransferModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Model file not found: " + file.toAbsolutePath() + ". Pass the model.zip of a transfer run folder.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry infoEntry = zip.getEntry(INFO);
            ZipEntry graphEntry = zip.getEntry(BACKBONE_GRAPH);
            if (infoEntry == null || (zip.getEntry(BACKBONE) == null && graphEntry == null) || zip.getEntry(HEAD) == null) {
                throw new EaselException(file + " is not an Easel transfer model (it lacks " + INFO + ", " + BACKBONE + " or " + HEAD
                        + "). Pass the model.zip written by a 'task: transfer' run.");
            }
            TransferInfo info = Json.MAPPER.readValue(zip.getInputStream(infoEntry).readAllBytes(), TransferInfo.class);
            MultiLayerNetwork head;
            try (InputStream in = new ByteArrayInputStream(zip.getInputStream(zip.getEntry(HEAD)).readAllBytes())) {
                head = ModelSerializer.restoreMultiLayerNetwork(in, false);
            }
            if (graphEntry != null) {
                ComputationGraph g;
                try (InputStream in = new ByteArrayInputStream(zip.getInputStream(graphEntry).readAllBytes())) {
                    g = ModelSerializer.restoreComputationGraph(in, false);
                }
                GraphBackbone backbone = new GraphBackbone(g, info.freezeUpTo(), CNN2DFormat.valueOf(info.inputFormat()), info.imageChannels(),
                        info.inputSize(), info.pooling());
                return new TransferModel(info, backbone, new BackboneWeights(Map.of(), Preprocessing.valueOf(info.preprocessing()),
                        info.weightsUsed(), "saved", false), head);
            }
            Map<String, INDArray[]> params = new LinkedHashMap<>();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(zip.getEntry(BACKBONE))))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    INDArray oihw = readArray(in);
                    params.put(name, new INDArray[]{oihw.permute(2, 3, 1, 0).dup('c'), readArray(in)});
                }
            }
            BackboneWeights weights = new BackboneWeights(params, Preprocessing.valueOf(info.preprocessing()), info.weightsUsed(),
                    "saved", false);
            return new TransferModel(info, weights, head);
        } catch (EaselException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EaselException("Cannot load transfer model " + file + ": " + e.getMessage()
                    + ". The file may be truncated; use the model.zip of a finished run.", e);
        }
    }

    /** Class probabilities for raw (unscaled) pooled features, one row per example. */
    public float[][] probabilities(float[] features, int n) {
        int dim = info.featureMean().length;
        INDArray x = Nd4j.create(scaler.apply(features), new long[]{n, dim}, 'c');
        float[] p = head.output(x, false).castTo(DataType.FLOAT).data().asFloat();
        int k = info.classes().size();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
        }
        return out;
    }

    /** Labels one image file or every image under a folder; unreadable files are listed, not fatal. */
    public Predictor.Results predict(Path imageOrDir) {
        return predict(Predictor.listImages(imageOrDir));
    }

    /** Labels these files, in this order (batches of 16 from the first); unreadable files are listed, not fatal. */
    public Predictor.Results predict(List<Path> files) {
        ImageReader reader = reader();
        int per = reader.pixelsPerImage();
        List<Predictor.Prediction> out = new ArrayList<>();
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            float[] pixels = new float[batch.size() * per];
            List<Path> ok = new ArrayList<>();
            for (Path p : batch) {
                try {
                    reader.read(p, pixels, ok.size() * per);
                    ok.add(p);
                } catch (IOException | RuntimeException e) {
                    skipped.add(new DataSplits.SkippedFile(p.toString(), String.valueOf(e.getMessage())));
                }
            }
            if (ok.isEmpty()) {
                continue;
            }
            float[] feats;
            try (INDArray images = reader.batch(Arrays.copyOf(pixels, ok.size() * per), ok.size())) {
                feats = backbone().features(images).castTo(DataType.FLOAT).data().asFloat();
            }
            float[][] probs = probabilities(feats, ok.size());
            for (int i = 0; i < ok.size(); i++) {
                int c = Evaluator.argmax(probs[i]);
                out.add(new Predictor.Prediction(ok.get(i).toString(), info.classes().get(c), probs[i][c]));
            }
        }
        return new Predictor.Results(out, skipped);
    }

    /** Probabilities for one decoded image. */
    public float[] predict(BufferedImage image) {
        ImageReader reader = reader();
        float[] pixels = new float[reader.pixelsPerImage()];
        reader.readImage(image, pixels, 0);
        float[] feats = backbone().features(reader.batch(pixels, 1)).castTo(DataType.FLOAT).data().asFloat();
        return probabilities(feats, 1)[0];
    }

    private static void writeArray(DataOutputStream out, INDArray a) throws IOException {
        long[] shape = a.shape();
        out.writeInt(shape.length);
        for (long s : shape) {
            out.writeLong(s);
        }
        for (float v : a.castTo(DataType.FLOAT).dup('c').data().asFloat()) {
            out.writeFloat(v);
        }
    }

    private static INDArray readArray(DataInputStream in) throws IOException {
        int rank = in.readInt();
        long[] shape = new long[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readLong();
            n *= shape[i];
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return Nd4j.create(v, shape, 'c');
    }
}
