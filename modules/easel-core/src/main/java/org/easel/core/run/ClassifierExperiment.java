package org.easel.core.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigYaml;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.DataSplits;
import org.easel.core.data.Datasets;
import org.easel.core.data.LabeledData;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.model.ModelFactory;
import org.easel.core.model.ModelInfo;
import org.easel.core.model.ModelStore;
import org.easel.core.model.ModelSummary;
import org.easel.core.report.ConfusionMatrixPlot;
import org.easel.core.report.HistoryPlot;
import org.easel.core.report.RunReport;
import org.easel.core.train.ComputeThreads;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Evaluation;
import org.easel.core.train.Evaluator;
import org.easel.core.train.Trainer;
import org.easel.core.train.TrainingListener;
import org.easel.core.train.TrainingState;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code classify} task: train a network from the config on a dataset, evaluate on its test split. */
public final class ClassifierExperiment implements TaskRunner {

    @Override
    public String task() {
        return "classify";
    }

    @Override
    public RunResult run(ExperimentConfig config, RunFolder run, boolean resuming, TrainingListener listener) {
        long t0 = System.nanoTime();
        DataSplits data = Datasets.load(config.data(), config.seed());
        LabeledData[] trainVal = splitValidation(data.train(), config.training().validationSplit());
        LabeledData train = trainVal[0];
        LabeledData validation = trainVal[1];
        listener.onMessage(String.format("Data: %s, %d training, %d validation, %d test examples, %d classes",
                data.datasetName(), train.size(), validation.size(), data.test().size(), train.classes().size()));
        ModelInfo info = new ModelInfo(ModelInfo.CLASSIFIER, train.classes(), train.channels(), train.height(), train.width(),
                data.datasetName(), Provenance.easelVersion());

        MultiLayerNetwork net;
        TrainingState state;
        INDArray best = null;
        if (resuming) {
            Checkpoints.Restored restored = Checkpoints.load(run);
            net = restored.network();
            state = restored.state();
            best = restored.bestParams();
            listener.onMessage("Resuming " + run.dir() + " after epoch " + state.epochsDone());
        } else {
            net = ModelFactory.build(config.model(), config.training(), config.seed(), train.channels(), train.height(), train.width(),
                    train.classes().size());
            state = TrainingState.fresh();
        }
        int threads = ComputeThreads.choose(config.training().threads(), net);
        ComputeThreads.apply(threads);
        listener.onMessage("Compute threads: " + threads + (config.training().threads() == 0 ? " (auto)" : ""));
        ModelSummary summary = ModelSummary.of(net, new long[]{train.featureSize()});
        AtomicFiles.writeString(run.summary(), summary.format());
        listener.onMessage(summary.format());

        Checkpoints checkpoints = new Checkpoints(run, info, config.output().checkpoint());
        Trainer.CheckpointSink sink = (n, b, s) -> {
            writeMetrics(run, s.history());
            checkpoints.save(n, b, s);
        };
        state = new Trainer(config.training(), config.seed(), listener, sink).fit(net, train, validation, state, best);

        Evaluation test = Evaluator.evaluate(net, data.test(), config.training().denseStep());
        ModelStore.save(net, info, run.model(), false);
        writeMetrics(run, state.history());
        HistoryPlot.write(state.history(), run.history());
        ConfusionMatrixPlot.write(test.confusion(), test.classes(), run.confusion());
        String notes = state.stoppedEarly() ? "Stopped early; weights of epoch " + state.bestEpoch() + " kept" : null;
        AtomicFiles.writeString(run.report(), RunReport.markdown(config.name(), ConfigYaml.toYaml(config), summary.format(),
                state.history(), test, data.skipped(), notes));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("test_accuracy", test.accuracy());
        result.put("test_loss", test.loss());
        result.put("epochs", state.epochsDone());
        result.put("parameters", summary.total());
        result.put("skipped_files", data.skipped().size());
        result.put("seconds", seconds);
        AtomicFiles.writeString(run.result(), Json.pretty(result));
        String headline = String.format("Test accuracy %.4f, test loss %.4f (%d examples), %d epochs%s, %.0f s",
                test.accuracy(), test.loss(), test.examples(), state.epochsDone(), state.stoppedEarly() ? " (stopped early)" : "", seconds);
        return new RunResult(run.dir(), headline, Map.of("test_accuracy", test.accuracy(), "test_loss", test.loss(),
                "epochs", (double) state.epochsDone(), "parameters", (double) summary.total(), "seconds", seconds), test);
    }

    /** Keras' validation_split: the last fraction of the training data, taken before any shuffling. */
    static LabeledData[] splitValidation(LabeledData train, double fraction) {
        int nVal = (int) Math.round(train.size() * fraction);
        int nTrain = train.size() - nVal;
        return new LabeledData[]{train.slice(0, nTrain), train.slice(nTrain, train.size())};
    }

    private static void writeMetrics(RunFolder run, List<EpochMetrics> history) {
        AtomicFiles.writeString(run.metrics(), history.stream().map(Json::line).collect(Collectors.joining("\n", "", "\n")));
    }

}
