package org.easel.cli;

import org.easel.core.config.ConfigReference;
import picocli.CommandLine.Command;

@Command(name = "config-reference", mixinStandardHelpOptions = true,
        description = "Print the reference of every config key with its default (Markdown; it is configs/README.md).")
final class ConfigReferenceCommand implements Runnable {
    @Override
    public void run() {
        System.out.print(ConfigReference.markdown());
    }
}
