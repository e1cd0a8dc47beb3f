package org.easel.cli;

import org.easel.core.run.Provenance;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"easel " + Provenance.easelVersion(), "Deeplearning4j 1.0.0-M2.1, Java " + System.getProperty("java.version")};
    }
}
