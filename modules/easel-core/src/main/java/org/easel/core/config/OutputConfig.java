package org.easel.core.config;

@Doc("The run folder")
public record OutputConfig(
        @Doc("Parent folder of run folders") String dir,
        @Doc("Save a checkpoint after every epoch (needed for --resume)") boolean checkpoint,
        @Doc("Show a progress bar / periodic progress line") boolean progress) implements Validated {

    public static final OutputConfig DEFAULTS = new OutputConfig("outputs", true, true);

    @Override
    public void validate(Checks checks) {
        checks.require(dir != null && !dir.isBlank(), "dir", "must name a folder");
    }
}
