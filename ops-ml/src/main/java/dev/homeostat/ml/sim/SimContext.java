package dev.homeostat.ml.sim;

/**
 * Everything a policy may be built from: the settings, the load curve (only the oracles may look
 * ahead in it; the static policy reads the training part's peak), where evaluation starts, and the seed.
 *
 * @param options          the simulated cluster
 * @param profile          the load curve
 * @param evalStartSecond  first second of the evaluation part; policies learn from what precedes it
 * @param seed             the run's seed
 */
public record SimContext(SimOptions options, LoadProfile profile, int evalStartSecond, long seed) {
}
