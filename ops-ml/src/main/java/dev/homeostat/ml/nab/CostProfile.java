package dev.homeostat.ml.nab;

/**
 * One NAB cost profile: the weight of a true positive, a false positive and a missed window.
 *
 * @param name      profile name as in NAB's {@code profiles.json}, e.g. {@code standard}
 * @param tpWeight  multiplier of the reward for the first detection in a window
 * @param fpWeight  multiplier of the (negative) sigmoid value of a detection outside every window
 * @param fnWeight  penalty for a window without any detection
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB's standard profile. */
    public static final CostProfile STANDARD = new CostProfile("standard", 1.0, 0.11, 1.0);
    /** NAB's profile that punishes false positives twice as hard. */
    public static final CostProfile REWARD_LOW_FP = new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** NAB's profile that punishes missed windows twice as hard. */
    public static final CostProfile REWARD_LOW_FN = new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    public CostProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank: '" + name + "'");
        }
        if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)
                || !Double.isFinite(tpWeight) || !Double.isFinite(fpWeight) || !Double.isFinite(fnWeight)) {
            throw new IllegalArgumentException("profile '" + name + "' needs tpWeight > 0 and finite fpWeight, fnWeight >= 0; got tp="
                    + tpWeight + ", fp=" + fpWeight + ", fn=" + fnWeight);
        }
    }
}
