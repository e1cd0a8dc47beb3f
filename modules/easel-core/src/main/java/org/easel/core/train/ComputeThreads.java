package org.easel.core.train;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Chooses how many native threads ND4J uses for a network.
 *
 * <p>Why: on small dense networks every ND4J op is short, and waking a second OpenMP/BLAS thread costs more
 * than it saves (measured on 2 cores: MNIST MLP epoch 3.3 s with one thread, 5.1 s with two;
 * a 128×256 scalar op 18 µs vs 40–110 µs). Convolutions are long enough to profit from every core.
 */
public final class ComputeThreads {
    private ComputeThreads() {
    }

    /** {@code requested} > 0 is used as given; 0 means one thread for dense-only networks, all cores otherwise. */
    public static int choose(int requested, MultiLayerNetwork net) {
        if (requested > 0) {
            return requested;
        }
        return hasSpatialLayers(net) ? Runtime.getRuntime().availableProcessors() : 1;
    }

    /** Sets ND4J's op threads, OpenMP threads and BLAS threads for this process. */
    public static void apply(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    static boolean hasSpatialLayers(MultiLayerNetwork net) {
        for (var layer : net.getLayerWiseConfigurations().getConfs()) {
            if (layer.getLayer() instanceof ConvolutionLayer || layer.getLayer() instanceof SubsamplingLayer) {
                return true;
            }
        }
        return false;
    }
}
