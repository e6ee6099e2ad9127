package dev.homeostat.ml.sim;

import dev.homeostat.ml.telemetry.Sample;

/**
 * A fixed replica count sized for the training part's peak ({@code static-peak}): during training it follows
 * the highest arrival rate its telemetry has shown so far ({@code ceil(peak ÷ μ)}, never scaling down); from the
 * first decision of the evaluation part on it holds that count for good. It reads telemetry only, as it arrives.
 */
final class StaticPolicy implements AutoscalePolicy {

    private final double capacity;
    private final int evalStart;
    private double peakSeen;
    private int frozen = -1;

    StaticPolicy(double capacity, int evalStartSecond) {
        this.capacity = capacity;
        this.evalStart = evalStartSecond;
    }

    /** The static policy of a run. */
    static StaticPolicy forTrainingPeak(SimContext context) {
        return new StaticPolicy(context.options().capacity(), context.evalStartSecond());
    }

    @Override
    public int periodSeconds() {
        return 15;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        if (frozen > 0) {
            return frozen;
        }
        Sample s = view.latest();
        if (view.second() >= evalStart) {
            frozen = Math.max(1, (int) Math.ceil(peakSeen / capacity - 1e-9));
            return frozen;
        }
        if (s != null && s.arrivalRate() > peakSeen) {
            peakSeen = s.arrivalRate();
        }
        // While training it follows the running peak, so no backlog from training is carried into evaluation.
        return Math.max(view.requested(), (int) Math.ceil(peakSeen / capacity - 1e-9));
    }
}
