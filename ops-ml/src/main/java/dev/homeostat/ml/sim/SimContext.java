package dev.homeostat.ml.sim;

/**
 * Everything a causal policy may be built from: the settings, where evaluation starts, and the seed. It
 * holds no load curve: a policy learns the load only from the telemetry it is shown as the run goes.
 * Only a {@link PolicySpec#foresight() foresight} policy (an oracle, the offline optimum) is also handed
 * the curve.
 *
 * @param options          the simulated cluster
 * @param evalStartSecond  first second of the evaluation part; policies learn from what precedes it
 * @param seed             the run's seed
 */
public record SimContext(SimOptions options, int evalStartSecond, long seed) {
}
