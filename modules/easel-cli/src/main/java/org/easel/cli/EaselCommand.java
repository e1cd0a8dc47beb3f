package org.easel.cli;

import java.io.PrintWriter;
import org.easel.core.error.EaselException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code easel} command. Only this module parses arguments, prints, and calls System.exit. */
@Command(name = "easel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Transfer learning and generative image models on Deeplearning4j.",
        subcommands = {RunCommand.class, EvaluateCommand.class, PredictCommand.class, FeaturizeCommand.class, SummaryCommand.class,
                ImportCommand.class, ExportCommand.class, StylizeCommand.class, SampleCommand.class,
                DatasetsCommand.class, ConfigReferenceCommand.class, CommandLine.HelpCommand.class})
public final class EaselCommand implements Runnable {
    /** Exit code for problems the user can fix (bad config, missing file); bugs exit with 1. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EaselCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof EaselException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
