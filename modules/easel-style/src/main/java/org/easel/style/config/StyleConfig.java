package org.easel.style.config;

import java.util.List;
import java.util.Map;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

/**
 * The {@code style:} section: one neural style transfer (Gatys et al.) run. Layer names and
 * per-layer weights left empty mean "the chosen backbone's tuned defaults" (see
 * {@code StyleBackbone.DEFAULT_LAYERS}), because layer names differ between networks.
 */
@Doc("Neural style transfer: paint the content photo in the style of one or more paintings")
public record StyleConfig(
        @Doc("Content photo (PNG/JPEG/...); its structure is kept") String content,
        @Doc("Style painting(s); several are blended by style_weights") List<String> style,
        @Doc("Relative weight of each style image (empty = equal)") List<Double> styleWeights,
        @Doc("Output size: long side in pixels (the content is resized to it)") int size,
        @Doc("Loss+gradient evaluations in total (split over the scales)") int iterations,
        @Doc("Optimizer: lbfgs (default, best) or adam") String optimizer,
        @Doc("Adam step size in pixel units (0-255); unused by lbfgs") double learningRate,
        @Doc("Start image: content, style or noise") String init,
        @Doc("Layer whose activations must match the content (empty = network default)") String contentLayer,
        @Doc("Layers whose Gram matrices must match the style (empty = network default)") List<String> styleLayers,
        @Doc("Weight of each style layer, same order as style_layers (empty = network default)") List<Double> styleLayerWeights,
        @Doc("Weight of the content loss") double contentWeight,
        @Doc("Weight of the style loss") double styleWeight,
        @Doc("Weight of the total-variation (smoothness) loss") double tvWeight,
        @Doc("Keep the photo's colours: transfer style on luminance only (YIQ) and put back the content's chroma") boolean preserveColors,
        @Doc("Coarse-to-fine scales: 1 = full size only, 2 = half size then full, ...") int scales,
        @Doc("Save an intermediate frame every N iterations (0 = none)") int frameEvery,
        @Doc("Backbone (feature network): vgg16, squeezenet, or auto (vgg16 if its weights are present, else squeezenet)") String backbone,
        @Doc("Network weights: imagenet (required for real results) or random (tests of the mechanics only)") String weights,
        @Doc("Folder with pretrained .h5 files (empty = $EASEL_PRETRAINED, else pretrained/)") String pretrainedDir)
        implements Validated {

    public static final List<String> OPTIMIZERS = List.of("lbfgs", "adam");
    public static final List<String> INITS = List.of("content", "style", "noise");
    public static final List<String> BACKBONES = List.of("auto", "vgg16", "squeezenet");
    public static final List<String> WEIGHTS = List.of("imagenet", "random");

    public static final StyleConfig DEFAULTS = new StyleConfig("", List.of(), List.of(), 384, 300, "lbfgs", 4.0,
            "content", "", List.of(), List.of(), 1.0, 100.0, 0.1, false, 2, 50, "auto", "imagenet", "");

    /** Keys of earlier versions, with what to write instead. */
    public static final Map<String, String> MOVED = Map.of("network", "renamed to style.backbone (same values: auto, vgg16, squeezenet), "
            + "the name transfer uses for the same thing; write 'backbone: ...' instead of 'network: ...'.");

    @Override
    public void validate(Checks c) {
        c.require(content != null && !content.isBlank(), "content", "must name the content photo, e.g. content: photo.jpg");
        c.require(style != null && !style.isEmpty(), "style", "must list at least one style image, e.g. style: [painting.jpg]");
        if (styleWeights != null && !styleWeights.isEmpty()) {
            c.require(style != null && styleWeights.size() == style.size(), "style_weights",
                    "needs one weight per style image: " + (style == null ? 0 : style.size()) + " style image(s), "
                            + styleWeights.size() + " weight(s)");
            c.require(styleWeights.stream().allMatch(w -> w >= 0 && Double.isFinite(w))
                    && styleWeights.stream().mapToDouble(Double::doubleValue).sum() > 0, "style_weights",
                    "must be >= 0 with a positive sum, found " + styleWeights);
        }
        c.require(size >= 32 && size <= 2048, "size", "must be in [32, 2048] pixels, found " + size);
        c.positive(iterations, "iterations");
        c.oneOf(optimizer, "optimizer", OPTIMIZERS);
        c.positive(learningRate, "learning_rate");
        c.oneOf(init, "init", INITS);
        if (styleLayerWeights != null && !styleLayerWeights.isEmpty()) {
            c.require(styleLayers != null && styleLayers.size() == styleLayerWeights.size(), "style_layer_weights",
                    "needs style_layers with the same number of entries (" + styleLayerWeights.size() + " weight(s), "
                            + (styleLayers == null ? 0 : styleLayers.size()) + " layer(s))");
            c.require(styleLayerWeights.stream().allMatch(w -> w >= 0 && Double.isFinite(w)), "style_layer_weights",
                    "must all be >= 0, found " + styleLayerWeights);
        }
        c.require(contentWeight >= 0 && Double.isFinite(contentWeight), "content_weight", "must be >= 0, found " + contentWeight);
        c.require(styleWeight >= 0 && Double.isFinite(styleWeight), "style_weight", "must be >= 0, found " + styleWeight);
        c.require(tvWeight >= 0 && Double.isFinite(tvWeight), "tv_weight", "must be >= 0, found " + tvWeight);
        c.require(contentWeight + styleWeight > 0, "style_weight", "content_weight and style_weight are both 0: nothing to optimise");
        c.require(scales >= 1 && scales <= 4, "scales", "must be 1..4, found " + scales);
        c.require(frameEvery >= 0, "frame_every", "must be >= 0 (0 = no frames), found " + frameEvery);
        c.oneOf(backbone, "backbone", BACKBONES);
        c.oneOf(weights, "weights", WEIGHTS);
    }

    public StyleConfig withContent(String v) {
        return new StyleConfig(v, style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withStyle(List<String> v, List<Double> w) {
        return new StyleConfig(content, List.copyOf(v), List.copyOf(w), size, iterations, optimizer, learningRate, init, contentLayer,
                styleLayers, styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone,
                weights, pretrainedDir);
    }

    public StyleConfig withSize(int v) {
        return new StyleConfig(content, style, styleWeights, v, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withIterations(int v) {
        return new StyleConfig(content, style, styleWeights, size, v, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withOptimizer(String v, double lr) {
        return new StyleConfig(content, style, styleWeights, size, iterations, v, lr, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withInit(String v) {
        return new StyleConfig(content, style, styleWeights, size, iterations, optimizer, learningRate, v, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withLayers(String content, List<String> style, List<Double> layerWeights) {
        return new StyleConfig(this.content, this.style, styleWeights, size, iterations, optimizer, learningRate, init, content,
                List.copyOf(style), List.copyOf(layerWeights), contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery,
                backbone, weights, pretrainedDir);
    }

    public StyleConfig withLossWeights(double content, double style, double tv) {
        return new StyleConfig(this.content, this.style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer,
                styleLayers, styleLayerWeights, content, style, tv, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withPreserveColors(boolean v) {
        return new StyleConfig(content, style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, v, scales, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withScales(int v) {
        return new StyleConfig(content, style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, v, frameEvery, backbone, weights, pretrainedDir);
    }

    public StyleConfig withFrameEvery(int v) {
        return new StyleConfig(content, style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, v, backbone, weights, pretrainedDir);
    }

    public StyleConfig withBackbone(String backbone, String weights, String pretrainedDir) {
        return new StyleConfig(content, style, styleWeights, size, iterations, optimizer, learningRate, init, contentLayer, styleLayers,
                styleLayerWeights, contentWeight, styleWeight, tvWeight, preserveColors, scales, frameEvery, backbone, weights, pretrainedDir);
    }
}
