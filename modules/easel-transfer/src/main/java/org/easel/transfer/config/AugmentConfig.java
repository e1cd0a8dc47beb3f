package org.easel.transfer.config;

import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

/**
 * Augmentation as cached views: each training image is featurized {@code copies} more times under seeded
 * random transforms, and every head-training epoch draws one of its 1 + copies views per image.
 */
@Doc("Augmentation as cached views: every training image (never validation or test) is featurized `copies` more times under seeded random transforms; each head epoch draws one of its 1 + copies views")
public record AugmentConfig(
        @Doc("Augmented views per training image, featurized once and cached (0 = off; each costs one more featurizing pass over the training images)") int copies,
        @Doc("Random horizontal flip (half of the views)") boolean flip,
        @Doc("Random crop of crop_scale..1 of the image area (aspect kept), resized back; 1 = no crop") double cropScale,
        @Doc("Colour jitter: brightness, contrast and saturation each scaled by a random factor in [1 - jitter, 1 + jitter]; 0 = none") double jitter) implements Validated {

    public static final AugmentConfig DEFAULTS = new AugmentConfig(0, true, 0.8, 0.1);
    /** Upper bound of {@code copies}: every copy is a full featurizing pass and one more cached feature row per image. */
    public static final int MAX_COPIES = 16;

    public boolean enabled() {
        return copies > 0;
    }

    /** The settings that change the views, for the cache key. */
    public String identity(long seed) {
        return "augment-v1 copies=" + copies + " flip=" + flip + " crop=" + cropScale + " jitter=" + jitter + " seed=" + seed;
    }

    @Override
    public void validate(Checks c) {
        c.require(copies >= 0 && copies <= MAX_COPIES, "copies", "must be 0 (off) .. " + MAX_COPIES + ", found " + copies);
        c.require(cropScale > 0.1 && cropScale <= 1, "crop_scale", "must be in (0.1, 1] (the smallest crop's share of the image area), found " + cropScale);
        c.require(jitter >= 0 && jitter < 1, "jitter", "must be in [0, 1), found " + jitter);
        c.require(!enabled() || flip || cropScale < 1 || jitter > 0, "copies",
                "is " + copies + " but flip is false, crop_scale is 1 and jitter is 0: every view would equal the original image");
    }
}
