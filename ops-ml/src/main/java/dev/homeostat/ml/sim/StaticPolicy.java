package dev.homeostat.ml.sim;

/** A fixed replica count, e.g. sized for the training part's peak ({@code static-peak}). */
final class StaticPolicy implements AutoscalePolicy {

    private final int replicas;

    StaticPolicy(int replicas) {
        this.replicas = replicas;
    }

    /** Enough replicas for the training part's peak rate at full utilisation. */
    static StaticPolicy forTrainingPeak(SimContext context) {
        double peak = context.profile().peakRate(0, context.evalStartSecond());
        return new StaticPolicy((int) Math.ceil(peak / context.options().capacity()));
    }

    @Override
    public int periodSeconds() {
        return 60;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        return replicas;
    }
}
