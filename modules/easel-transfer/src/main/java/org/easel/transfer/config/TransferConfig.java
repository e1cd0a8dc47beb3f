package org.easel.transfer.config;

import java.util.List;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

/**
 * The {@code transfer:} section: which backbone and weights to featurize with, where the frozen part
 * ends, the head trained on the cached features, and where the images come from. Epochs, batch size,
 * optimizer and learning rate of the head come from the core {@code training:} section.
 */
@Doc("Transfer learning: a pretrained backbone, featurized once and cached, plus a trained head")
public record TransferConfig(
        @Doc("Backbone: vgg16, alexnet, squeezenet, or a path to a DL4J model zip") String backbone,
        @Doc("Backbone weights: imagenet, random, or a path to a Keras .h5 weights file") String weights,
        @Doc("What to do when the weights cannot be had: none (stop with an error) or random (warn, use random weights)") String fallback,
        @Doc("Folder with pretrained weight files; null = $EASEL_PRETRAINED, else pretrained/") String pretrainedDir,
        @Doc("Square input size in pixels the images are resized to (64..224; SqueezeNet >= 64)") int inputSize,
        @Doc("Last frozen layer (Keras name, e.g. block4_pool, fire9); its output is the feature map. null = the backbone's default") String freezeUpTo,
        @Doc("How the feature map becomes a vector: avg (global average), max (global max) or avgmax (both, concatenated)") String pooling,
        @Doc("The head trained on the cached features") HeadConfig head,
        @Doc("Stage 2: unfreeze the top block and train it with the head (off unless unfreeze_from is set)") FineTuneConfig fineTune,
        @Doc("Class weights in the loss: auto (inverse class frequency) or none") String classWeights,
        @Doc("Folder of the featurize-once cache, reused across runs") String cacheDir,
        @Doc("Images per backbone forward pass while featurizing") int featurizeBatch,
        @Doc("Generate the synthetic financial/non-financial dataset (used when financial_count > 0; else data: image-folder)") SyntheticConfig synthetic,
        @Doc("Test images shown with Grad-CAM heatmaps in the report (0 = none)") int gradcamImages,
        @Doc("Misclassified test images shown in the gallery (at most)") int galleryImages) implements Validated {

    public static final List<String> FALLBACKS = List.of("none", "random");
    public static final List<String> POOLINGS = List.of("avg", "max", "avgmax");
    public static final List<String> CLASS_WEIGHTS = List.of("auto", "none");

    public static final TransferConfig DEFAULTS = new TransferConfig("squeezenet", "imagenet", "none", null, 224, null, "avg",
            HeadConfig.DEFAULTS, FineTuneConfig.DEFAULTS, "auto", "cache/features", 16, SyntheticConfig.DEFAULTS, 6, 24);

    @Override
    public void validate(Checks c) {
        c.require(backbone != null && !backbone.isBlank(), "backbone", "must name a backbone (vgg16, alexnet, squeezenet) or a model zip");
        c.require(weights != null && !weights.isBlank(), "weights", "must be imagenet, random, or a path to a .h5 weights file");
        c.oneOf(fallback, "fallback", FALLBACKS);
        c.require(inputSize >= 32 && inputSize <= 512, "input_size", "must be 32..512 pixels, found " + inputSize);
        c.oneOf(pooling, "pooling", POOLINGS);
        c.oneOf(classWeights, "class_weights", CLASS_WEIGHTS);
        c.require(cacheDir != null && !cacheDir.isBlank(), "cache_dir", "must be a folder for the feature cache");
        c.positive(featurizeBatch, "featurize_batch");
        c.require(gradcamImages >= 0, "gradcam_images", "must be >= 0, found " + gradcamImages);
        c.require(galleryImages >= 0, "gallery_images", "must be >= 0, found " + galleryImages);
    }
}
