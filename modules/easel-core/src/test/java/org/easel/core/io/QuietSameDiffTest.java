package org.easel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class QuietSameDiffTest {
    @Test
    void gradientConstructionNoLongerPrintsOneLinePerOpButOtherOutputPasses() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            QuietSameDiff.install();
            QuietSameDiff.install();   // idempotent
            SameDiff sd = SameDiff.create();
            SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 3));
            sd.setLossVariables(sd.math().square(w).sum("loss"));
            sd.calculateGradients(Map.of(), "w");
            System.out.println("progress 10%");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("Added differentiated op"), out);
        assertEquals("progress 10%" + System.lineSeparator(), out);
    }
}
