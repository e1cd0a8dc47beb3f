package org.easel.vae.train;

/**
 * One line of metrics.jsonl: the training loss (mean of reconstruction + klWeight * KL over the
 * epoch's batches, with both terms) and the test-set terms in nats per image, with beta = 1 (the true negative ELBO).
 */
public record VaeEpoch(int epoch, double trainLoss, double trainReconstruction, double trainKl, double klWeight, double testReconstruction, double testKl,
                       double testNegElbo, double trainSeconds, double seconds) {
}
