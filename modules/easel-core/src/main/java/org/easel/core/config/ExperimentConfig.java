package org.easel.core.config;

import java.util.Map;

/** The root of an experiment YAML. Later capabilities add their own sections here. */
@Doc("An experiment: what to train, on which data, and where to write the run folder")
public record ExperimentConfig(
        @Doc("Run name; the run folder is outputs/<name>-<timestamp>") String name,
        @Doc("Seed for weight init, shuffling, dropout and data splits") long seed,
        @Doc("What to do: classify (train a classifier from scratch), transfer (fine-tune a pretrained backbone), style (neural style transfer) or vae (train a variational autoencoder)") String task,
        @Doc("Where the examples come from") DataConfig data,
        @Doc("The network") ModelConfig model,
        @Doc("How to fit it") TrainingConfig training,
        @Doc("What the run folder gets") OutputConfig output,
        @Doc("Sections contributed by modules (transfer, style, vae, ...), by key") Map<String, Record> sections)
        implements Validated {

    /** The task core itself runs; modules add theirs (ConfigSection#tasks). */
    public static final String CLASSIFY = "classify";

    public static final ExperimentConfig DEFAULTS = new ExperimentConfig("experiment", 42, CLASSIFY,
            DataConfig.DEFAULTS, ModelConfig.DEFAULTS, TrainingConfig.DEFAULTS, OutputConfig.DEFAULTS, Map.of());

    /** The module section of the given type: as written in the YAML, or its defaults. */
    public <T extends Record> T section(String key, Class<T> type) {
        Record r = sections.get(key);
        return r != null ? type.cast(r) : ConfigBinder.defaultsOf(type);
    }

    @Override
    public void validate(Checks checks) {
        checks.require(name != null && name.matches("[A-Za-z0-9._-]+"), "name",
                "must be a plain name (letters, digits, . _ -), found '" + name + "'");
        checks.oneOf(task, "task", ConfigSections.tasks());
        if (CLASSIFY.equals(task)) {
            checks.require(!model.layers().isEmpty(), "model", "task 'classify' needs model.layers (at least the output layer)");
        }
    }
}
