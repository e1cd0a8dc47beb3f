package org.easel.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Translates a {@link MultiLayerNetwork} with convolutions into the nodes of {@link FusedConvStep}, reading the
 * layers' own parameter and gradient views; or names the first layer it cannot translate exactly, and why.
 *
 * <p>What translates: convolutions (2-D, NCHW-configured, with bias, same/truncate padding, any element-wise
 * activation), max pooling, dropout layers and layer dropout (fixed rate), activation layers, dense layers, and a
 * softmax output layer with cross-entropy; one optimizer for all parameters; no regularisation, weight noise,
 * constraints or gradient normalisation. Everything else trains with DL4J's {@code fit}.
 */
final class ConvNetTranslator {
    /** Why a network cannot use the fused step; {@code layer} is -1 for network-wide reasons. */
    static final class Unsupported extends Exception {
        Unsupported(int layer, String layerName, String why) {
            super(layer < 0 ? why : "layer " + layer + " (" + layerName + "): " + why);
        }
    }

    /** The translated network: its nodes in forward order, the output layer, and the optimizer. */
    record Translation(List<StepNode> nodes, StepNodes.SoftmaxOutput output, IUpdater updater) {
    }

    private final MultiLayerNetwork net;
    private final List<StepNode> nodes = new ArrayList<>();
    private final StepNodes.OnesRow ones = new StepNodes.OnesRow();
    private IUpdater updater;
    private boolean channelsLast;   // are the current activations NHWC images (else DL4J's own layout)?

    private ConvNetTranslator(MultiLayerNetwork net) {
        this.net = net;
    }

    static Translation translate(MultiLayerNetwork net) throws Unsupported {
        return new ConvNetTranslator(net).run();
    }

    private Translation run() throws Unsupported {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        if (net.params().dataType() != DataType.FLOAT) {
            throw new Unsupported(-1, null, "parameters are " + net.params().dataType() + ", the fused step computes in FLOAT");
        }
        var updaterBlocks = net.getUpdater();   // created on first use, and with it the layers' gradient views
        Layer[] layers = net.getLayers();
        InputPreProcessor first = conf.getInputPreProcess(0);
        if (!(first instanceof FeedForwardToCnnPreProcessor in)) {
            throw new Unsupported(0, name(layers[0]), "the network does not start from flat images (convolutionalFlat input)");
        }
        InputType type = InputType.convolutional(in.getInputHeight(), in.getInputWidth(), in.getNumChannels());
        nodes.add(new StepNodes.InputImages((int) in.getNumChannels(), (int) in.getInputHeight(), (int) in.getInputWidth()));
        channelsLast = true;
        int lastSpatial = lastSpatialLayer(layers);
        StepNodes.SoftmaxOutput output = null;
        for (int i = 0; i < layers.length; i++) {
            var layerConf = layers[i].conf().getLayer();
            InputPreProcessor pre = i == 0 ? null : conf.getInputPreProcess(i);
            if (pre != null) {
                if (!(pre instanceof CnnToFeedForwardPreProcessor flat) || flat.getFormat() != CNN2DFormat.NCHW || channelsLast) {
                    throw new Unsupported(i, name(layers[i]), "input preprocessor " + pre.getClass().getSimpleName()
                            + " is not a flatten after the last convolution");
                }
                nodes.add(new StepNodes.Flatten());
                type = pre.getOutputType(type);
            }
            InputType outType = layerConf.getOutputType(i, type);
            boolean last = i == layers.length - 1;
            if (layerConf.getClass() == ConvolutionLayer.class) {
                conv(i, layers[i], (ConvolutionLayer) layerConf, type, outType);
            } else if (layerConf.getClass() == SubsamplingLayer.class) {
                pool(i, layers[i], (SubsamplingLayer) layerConf, outType);
            } else if (layerConf instanceof DropoutLayer d) {
                layerDropout(i, layers[i], d.getIDropout());
            } else if (layerConf.getClass() == ActivationLayer.class) {
                IActivation act = ((ActivationLayer) layerConf).getActivationFn();
                if (!(act instanceof ActivationIdentity)) {   // identity (Easel's "flatten" marker) is nothing to compute
                    nodes.add(new StepNodes.Activation(name(layers[i]), elementWise(i, layers[i], act)));
                }
            } else if (layerConf.getClass() == DenseLayer.class && !last) {
                dense(i, layers[i], (DenseLayer) layerConf);
            } else if (layerConf.getClass() == OutputLayer.class && last) {
                output = output(i, layers[i], (OutputLayer) layerConf);
            } else if (layerConf instanceof BatchNormalization) {
                throw new Unsupported(i, name(layers[i]), "batch normalization (its running mean and variance are updated outside "
                        + "the optimizer) is not in the fused step yet");
            } else {
                throw new Unsupported(i, name(layers[i]), layerConf.getClass().getSimpleName()
                        + (last ? " as the output layer (the fused step needs a softmax OutputLayer with cross-entropy)"
                        : " layers are not in the fused step"));
            }
            if (i == lastSpatial) {
                nodes.add(new StepNodes.ToChannelsFirst());
                channelsLast = false;
            }
            type = outType;
        }
        if (output == null) {
            throw new Unsupported(-1, null, "no softmax output layer");
        }
        if (!(updaterBlocks instanceof MultiLayerUpdater mlu) || mlu.getUpdaterBlocks().size() != 1) {
            throw new Unsupported(-1, null, "parameters with different optimizer settings");
        }
        return new Translation(List.copyOf(nodes), output, updater);
    }

    private static int lastSpatialLayer(Layer[] layers) {
        int last = -1;
        for (int i = 0; i < layers.length; i++) {
            var c = layers[i].conf().getLayer();
            if (c instanceof ConvolutionLayer || c instanceof SubsamplingLayer) {
                last = i;
            }
        }
        return last;
    }

    private void conv(int i, Layer layer, ConvolutionLayer c, InputType inType, InputType outType) throws Unsupported {
        if (c.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new Unsupported(i, name(layer), "the layer is configured for " + c.getCnn2dDataFormat() + " data");
        }
        if (!c.hasBias()) {
            throw new Unsupported(i, name(layer), "a convolution without bias");
        }
        ConvolutionMode mode = c.getConvolutionMode();
        if (mode != ConvolutionMode.Same && mode != ConvolutionMode.Truncate && mode != ConvolutionMode.Strict) {
            throw new Unsupported(i, name(layer), "convolution mode " + mode);
        }
        plainLayer(i, layer, c);
        layerDropout(i, layer, c.getIDropout());
        Map<String, INDArray> grads = gradientViews(layer);
        var out = (InputType.InputTypeConvolutional) outType;
        var in = (InputType.InputTypeConvolutional) inType;
        boolean same = mode == ConvolutionMode.Same;
        int[] topLeftPad = same ? ConvolutionUtils.getSameModeTopLeftPadding(new int[]{(int) out.getHeight(), (int) out.getWidth()},
                new int[]{(int) in.getHeight(), (int) in.getWidth()}, c.getKernelSize(), c.getStride(), c.getDilation()) : c.getPadding();
        INDArray weightGrad = grads.get("W");
        if (!isView(weightGrad.reshape('c', weightGrad.size(0), weightGrad.length() / weightGrad.size(0)), weightGrad)) {
            throw new Unsupported(i, name(layer), "its kernel gradient is not a C-order view");
        }
        nodes.add(new StepNodes.Conv(name(layer), layer.getParam("W"), layer.getParam("b"), weightGrad, rowView(i, layer, grads.get("b")),
                elementWise(i, layer, c.getActivationFn()), c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(),
                same, topLeftPad, new long[]{out.getHeight(), out.getWidth(), out.getChannels()}, ones));
    }

    private void pool(int i, Layer layer, SubsamplingLayer s, InputType outType) throws Unsupported {
        if (s.getPoolingType() != PoolingType.MAX) {
            throw new Unsupported(i, name(layer), s.getPoolingType() + " pooling");
        }
        if (s.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new Unsupported(i, name(layer), "the layer is configured for " + s.getCnn2dDataFormat() + " data");
        }
        layerDropout(i, layer, s.getIDropout());
        var out = (InputType.InputTypeConvolutional) outType;
        nodes.add(new StepNodes.MaxPool(name(layer), s.getKernelSize(), s.getStride(), s.getPadding(), s.getDilation(),
                s.getConvolutionMode() == ConvolutionMode.Same, new long[]{out.getHeight(), out.getWidth(), out.getChannels()}));
    }

    private void dense(int i, Layer layer, DenseLayer d) throws Unsupported {
        if (d.hasLayerNorm() || !d.hasBias()) {
            throw new Unsupported(i, name(layer), d.hasLayerNorm() ? "layer normalisation" : "a dense layer without bias");
        }
        requireFlat(i, layer);
        plainLayer(i, layer, d);
        layerDropout(i, layer, d.getIDropout());
        Map<String, INDArray> grads = gradientViews(layer);
        nodes.add(new StepNodes.Dense(name(layer), layer.getParam("W"), layer.getParam("b"), grads.get("W"),
                rowView(i, layer, grads.get("b")), d.getActivationFn(), ones));
    }

    private StepNodes.SoftmaxOutput output(int i, Layer layer, OutputLayer o) throws Unsupported {
        if (!(o.getLossFn() instanceof LossMCXENT loss) || loss.getWeights() != null || !(o.getActivationFn() instanceof ActivationSoftmax)
                || !o.hasBias()) {
            throw new Unsupported(i, name(layer), "the fused step computes a softmax output with unweighted cross-entropy and bias only");
        }
        requireFlat(i, layer);
        plainLayer(i, layer, o);
        layerDropout(i, layer, o.getIDropout());
        Map<String, INDArray> grads = gradientViews(layer);
        return new StepNodes.SoftmaxOutput(layer.getParam("W"), layer.getParam("b"), grads.get("W"), rowView(i, layer, grads.get("b")));
    }

    private void requireFlat(int i, Layer layer) throws Unsupported {
        if (channelsLast) {
            throw new Unsupported(i, name(layer), "a dense layer between convolutions");
        }
    }

    /** Dropout DL4J applies to a layer's input (a DropoutLayer's own, or any layer's {@code dropOut}). */
    private void layerDropout(int i, Layer layer, IDropout dropout) throws Unsupported {
        if (dropout == null) {
            return;
        }
        if (dropout.getClass() != Dropout.class || ((Dropout) dropout).getPSchedule() != null) {
            throw new Unsupported(i, name(layer), dropout.getClass().getSimpleName() + " (the fused step has fixed-rate dropout)");
        }
        nodes.add(new StepNodes.Dropout(name(layer) + " dropout", ((Dropout) dropout).getP(), channelsLast));
    }

    private void plainLayer(int i, Layer layer, BaseLayer l) throws Unsupported {
        if (!layer.conf().isMiniBatch()) {
            throw new Unsupported(i, name(layer), "gradients not averaged over the batch (miniBatch = false)");
        }
        if (!isEmpty(l.getRegularization()) || !isEmpty(l.getRegularizationBias())) {
            throw new Unsupported(i, name(layer), "L1/L2 regularisation or weight decay (model.l2) is not in the fused step");
        }
        if (l.getWeightNoise() != null || !isEmpty(l.getConstraints())
                || l.getGradientNormalization() != null && l.getGradientNormalization() != GradientNormalization.None) {
            throw new Unsupported(i, name(layer), "weight noise, constraints or gradient normalisation");
        }
        if (updater != null && !updater.equals(l.getIUpdater())) {
            throw new Unsupported(i, name(layer), "its optimizer differs from the other layers'");
        }
        updater = l.getIUpdater();
    }

    private static IActivation elementWise(int i, Layer layer, IActivation act) throws Unsupported {
        if (act instanceof ActivationSoftmax) {
            throw new Unsupported(i, name(layer), "softmax on images (over channels) is not in the fused step");
        }
        return act;
    }

    private static Map<String, INDArray> gradientViews(Layer layer) {
        return layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
    }

    /** The bias gradient as a {@code [1, n]} view (the Java kernels and GEMMs write into it, so it must not be a copy). */
    private static INDArray rowView(int i, Layer layer, INDArray biasGrad) throws Unsupported {
        INDArray row = biasGrad.reshape(1, biasGrad.length());
        if (!isView(row, biasGrad)) {
            throw new Unsupported(i, name(layer), "its bias gradient is not contiguous");
        }
        return row;
    }

    /** Does {@code reshaped} share {@code original}'s memory (so that writing into it writes the network's gradient)? */
    private static boolean isView(INDArray reshaped, INDArray original) {
        return reshaped.data().address() + reshaped.offset() * 4 == original.data().address() + original.offset() * 4;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static String name(Layer layer) {
        String n = layer.conf().getLayer().getLayerName();
        return n == null ? layer.getClass().getSimpleName() : n;
    }
}
