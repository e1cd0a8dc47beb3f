package org.easel.core.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link FloatBuffer} over the native memory of a contiguous float array, index 0 = the array's first element.
 *
 * <p>Why: a Java loop over this buffer does in one pass what takes ND4J several ops, each with its own
 * per-call cost (tens of microseconds) — the point of {@link FlatUpdate} and {@link FusedDenseStep}.
 */
final class NativeFloats {
    private NativeFloats() {
    }

    static FloatBuffer of(INDArray a) {
        return bytes(a).asFloatBuffer();
    }

    /** The same memory as bytes in native order (what the Vector API loads from), byte 0 = the first element. */
    static ByteBuffer bytes(INDArray a) {
        // A vector with unit stride is laid out the same in either order (DL4J's flat arrays are [1, n] 'f').
        boolean rowMajor = a.ordering() == 'c' || a.rank() == 1 || a.isVector();
        if (a.dataType() != DataType.FLOAT || !rowMajor || a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("Expected a contiguous row-major float array, got " + a.shapeInfoToString());
        }
        // asNio() starts at the underlying buffer's origin; a view's offset counts from there.
        ByteBuffer all = a.data().asNio();
        long end = (a.offset() + a.length()) * Float.BYTES;
        if (end > all.capacity()) {
            throw new IllegalArgumentException("Array extends past its buffer: " + a.shapeInfoToString());
        }
        return all.position(Math.toIntExact(a.offset() * Float.BYTES)).limit(Math.toIntExact(end)).slice()
                .order(ByteOrder.nativeOrder());
    }
}
