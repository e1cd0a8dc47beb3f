package org.easel.transfer.augment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.easel.core.data.ImageLoader;
import org.easel.transfer.config.AugmentConfig;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.featurize.ImageSet;

/**
 * The augmented views of a set of training images as one image set to featurize: entry
 * {@code c * n + i} is view {@code c + 1} of image {@code i}. Its {@link Featurizer.Source} decodes the image,
 * applies the view's flip/crop, resizes, jitters the colours and then preprocesses like any image.
 */
public final class AugmentedSource implements Featurizer.Source {
    private final ImageSet originals;
    private final ImageSet views;
    private final ImageReader reader;
    private final AugmentConfig cfg;
    private final long seed;

    public AugmentedSource(ImageSet originals, ImageReader reader, AugmentConfig cfg, long seed) {
        this.originals = originals;
        this.reader = new ImageReader(reader.size(), reader.channels(), reader.preprocessing()); // views are not counted as upscaled images
        this.cfg = cfg;
        this.seed = seed;
        List<Path> files = new ArrayList<>();
        int n = originals.size();
        int[] labels = new int[n * cfg.copies()];
        for (int c = 0; c < cfg.copies(); c++) {
            files.addAll(originals.files());
            System.arraycopy(originals.labels(), 0, labels, c * n, n);
        }
        this.views = new ImageSet(files, labels, originals.classes());
    }

    /** The views as an image set: every original file {@code copies} times, copy after copy. */
    public ImageSet views() {
        return views;
    }

    /** The view drawn for entry {@code index} of {@link #views()}. */
    public View view(int index) {
        int n = originals.size();
        Path file = originals.files().get(index % n);
        String id = (file.getParent() != null ? file.getParent().getFileName() + "/" : "") + file.getFileName(); // class folder/name
        return View.draw(cfg, seed, id, index / n + 1);
    }

    @Override
    public void read(int index, float[] out, int offset) throws IOException {
        View view = view(index);
        BufferedImage img = view.geometry(ImageLoader.read(views.files().get(index)));
        reader.decode(img, out, offset);
        view.jitter(out, offset, reader.channels(), reader.size() * reader.size());
        reader.preprocess(out, offset, 1);
    }
}
