package org.easel.transfer.config;

import java.util.List;
import java.util.Map;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;
import org.easel.nets.Preprocessing;
import org.easel.transfer.backbone.Backbone;

/**
 * The {@code transfer:} section: which backbone and weights to featurize with, where the frozen part
 * ends, the head trained on the cached features, and where the images come from. Epochs, batch size,
 * optimizer and learning rate of the head come from the core {@code training:} section.
 */
@Doc("Transfer learning: a pretrained backbone, featurized once and cached, plus a trained head")
public record TransferConfig(
        @Doc("Backbone: vgg16, alexnet, squeezenet, or a path to a model file: a DL4J model zip (ModelSerializer) or a full Keras model .h5") String backbone,
        @Doc("Backbone weights: imagenet, random, or a path to a Keras .h5 weights file") String weights,
        @Doc("What to do when the weights cannot be had: none (stop with an error) or random (warn, use random weights)") String fallback,
        @Doc("Folder with pretrained weight files; null = $EASEL_PRETRAINED, else pretrained/") String pretrainedDir,
        @Doc("Square input size in pixels the images are resized to; 0 = the backbone's own (224 for built-in backbones, the model's input size for model files)") int inputSize,
        @Doc("Last frozen layer (Keras name, e.g. block4_pool, fire9; for model files a layer of the file); its output is the feature map. null = the backbone's default (model files: the feature map feeding the flatten/global pooling/dense classifier)") String freezeUpTo,
        @Doc("Pixel preprocessing: auto (built-in backbones: their weights' convention; model files: unit), unit ([0, 1]), signed ([-1, 1]) or caffe (BGR x255 minus the ImageNet means); other than auto only for model files") String preprocessing,
        @Doc("How the feature map becomes a vector: avg (global average), max (global max) or avgmax (both, concatenated)") String pooling,
        @Doc("The head trained on the cached features") HeadConfig head,
        @Doc("Stage 2: unfreeze the top block and train it with the head (off unless unfreeze_from is set)") FineTuneConfig fineTune,
        @Doc("Augmented views of the training images, featurized once and cached (off unless copies > 0)") AugmentConfig augment,
        @Doc("Class weights in the loss: auto (inverse class frequency) or none") String classWeights,
        @Doc("Folder of the featurize-once cache, reused across runs") String cacheDir,
        @Doc("Images per backbone forward pass while featurizing") int featurizeBatch,
        @Doc("Test images shown with Grad-CAM heatmaps in the report (0 = none)") int gradcamImages,
        @Doc("Misclassified test images shown in the gallery (at most)") int galleryImages) implements Validated {

    public static final List<String> FALLBACKS = List.of("none", "random");
    public static final List<String> POOLINGS = List.of("avg", "max", "avgmax");
    public static final List<String> CLASS_WEIGHTS = List.of("auto", "none");
    /** The input size of built-in backbones when {@code input_size} is 0. */
    public static final int BUILT_IN_INPUT_SIZE = 224;

    /** {@code input_size}, or 224 when it is 0; for built-in backbones (model files take theirs from the file). */
    public int builtInInputSize() {
        return inputSize > 0 ? inputSize : BUILT_IN_INPUT_SIZE;
    }

    public static final TransferConfig DEFAULTS = new TransferConfig("squeezenet", "imagenet", "none", null, 0, null, "auto", "avg",
            HeadConfig.DEFAULTS, FineTuneConfig.DEFAULTS, AugmentConfig.DEFAULTS, "auto", "cache/features", 16, 6, 24);

    /** Keys of earlier versions, with what to write instead. */
    public static final Map<String, String> MOVED = Map.of("synthetic", "moved: datasets are configured under data: now. Write "
            + "'data: {dataset: synthetic, synthetic: {financial_count: ..., non_financial_count: ..., test_per_class: ..., size: ..., dir: ...}}' "
            + "(the same keys as before; see configs/finetune-vgg.yaml), or 'data: {dataset: image-folder, path: ...}' for your own images.");

    @Override
    public void validate(Checks c) {
        c.require(backbone != null && !backbone.isBlank(), "backbone", "must name a backbone (vgg16, alexnet, squeezenet) or a model zip");
        c.require(weights != null && !weights.isBlank(), "weights", "must be imagenet, random, or a path to a .h5 weights file");
        c.oneOf(fallback, "fallback", FALLBACKS);
        c.require(inputSize == 0 || (inputSize >= 8 && inputSize <= 1024), "input_size",
                "must be 0 (the backbone's own) or 8..1024 pixels, found " + inputSize);
        c.oneOf(preprocessing, "preprocessing", Preprocessing.CONFIG_VALUES);
        c.require("auto".equals(preprocessing) || backbone == null || Backbone.isModelFile(backbone),
                "preprocessing", "'" + preprocessing + "' applies only to model-file backbones; built-in backbones use their weights' "
                        + "preprocessing (caffe for imagenet and .h5 weights, unit for random). Remove the key or set it to auto");
        c.oneOf(pooling, "pooling", POOLINGS);
        c.oneOf(classWeights, "class_weights", CLASS_WEIGHTS);
        c.require(cacheDir != null && !cacheDir.isBlank(), "cache_dir", "must be a folder for the feature cache");
        c.positive(featurizeBatch, "featurize_batch");
        c.require(gradcamImages >= 0, "gradcam_images", "must be >= 0, found " + gradcamImages);
        c.require(galleryImages >= 0, "gallery_images", "must be >= 0, found " + galleryImages);
    }
}
