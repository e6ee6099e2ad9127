package dev.homeostat.ml.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The benchmark's policies by name, each a {@link PolicySpec}. */
public final class Policies {

    /** Utilisations the oracle is reported at. */
    public static final double[] ORACLE_UTILIZATIONS = {1.0, 0.9, 0.8, 0.7};

    /** Every policy, in report order. */
    public static final List<String> ALL = List.of("static-peak", "hpa", "keda", "rate", "homeostat",
            "oracle-1.0", "oracle-0.9", "oracle-0.8", "oracle-0.7", "optimum");

    /** HPA target CPU utilisation of the baseline. */
    static final double HPA_TARGET = 0.7;
    /** KEDA's default {@code activationLagThreshold}. */
    static final double KEDA_ACTIVATION_LAG = 0;

    private Policies() {
    }

    /**
     * Resolves a comma-separated list ({@code oracle} stands for the four oracles) in report order;
     * {@link IllegalArgumentException} naming an unknown entry.
     */
    public static List<PolicySpec> parse(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("oracle")) {
                for (double u : ORACLE_UTILIZATIONS) {
                    names.add(oracleName(u));
                }
            } else if (name.startsWith("oracle-")) {
                double u = parseUtilization(name);
                names.add(oracleName(u));
            } else if (ALL.contains(name)) {
                names.add(name);
            } else {
                throw new IllegalArgumentException("unknown policy '" + raw.trim() + "'; known: "
                        + String.join(", ", ALL) + " (or oracle, oracle-U for U in (0, 1])");
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no policy given");
        }
        List<PolicySpec> specs = new ArrayList<>();
        for (String name : names) {
            specs.add(spec(name));
        }
        return specs;
    }

    /** One policy by its exact name. */
    public static PolicySpec spec(String name) {
        return switch (name) {
            case "static-peak" -> new PolicySpec(name, StaticPolicy::forTrainingPeak);
            case "hpa" -> new PolicySpec(name, c -> new HpaPolicy(HPA_TARGET, minOf(c), c.options().maxReplicas()));
            case "keda" -> new PolicySpec(name, c -> new KedaPolicy(kedaLagThreshold(c.options()),
                    KEDA_ACTIVATION_LAG, c.options().partitions(), minOf(c), c.options().maxReplicas()));
            case "rate" -> new PolicySpec(name, c -> new RatePolicy(minOf(c), c.options().maxReplicas()));
            case "homeostat" -> new PolicySpec(name, HomeostatPolicy::withDefaults);
            case "optimum" -> optimum(Benchmark.SLO_TARGET_PERCENT);
            default -> {
                if (!name.startsWith("oracle-")) {
                    throw new IllegalArgumentException("unknown policy '" + name + "'");
                }
                double u = parseUtilization(name);
                yield PolicySpec.withForesight(oracleName(u), (c, profile) -> new OraclePolicy(profile,
                        c.options().capacity(), u, c.options().readyDelaySeconds()));
            }
        };
    }

    /**
     * The offline optimum's plan for the run's own seed (its realised arrivals and replica capacities) replayed in
     * the simulator (a foresight policy); each plan is solved once per curve and seed.
     */
    public static PolicySpec optimum(double targetPercent) {
        return PolicySpec.withForesight("optimum", (c, profile) -> new OptimumPolicy(
                OfflineOptimum.cachedRealised(c.options(), profile, c.evalStartSecond(), targetPercent, c.seed()),
                profile, c.options()));
    }

    /** Whether {@code name} is one of the oracles. */
    public static boolean isOracle(String name) {
        return name.startsWith("oracle-");
    }

    /**
     * KEDA's lag threshold in the benchmark: the lag one replica drains within the SLO (μ × SLO), the
     * value a user who sizes by the SLO would pick (KEDA's own default of 10 suits slow per-record work).
     */
    static double kedaLagThreshold(SimOptions options) {
        return options.capacity() * options.sloSeconds();
    }

    static String oracleName(double u) {
        String plain = java.math.BigDecimal.valueOf(u).stripTrailingZeros().toPlainString();
        return "oracle-" + (plain.contains(".") ? plain : plain + ".0");
    }

    private static double parseUtilization(String name) {
        try {
            double u = Double.parseDouble(name.substring("oracle-".length()));
            if (!(u > 0 && u <= 1)) {
                throw new IllegalArgumentException("oracle utilisation must be in (0, 1], got " + u + " in '" + name + "'");
            }
            return u;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("oracle needs a utilisation, e.g. oracle-0.9; got '" + name + "'");
        }
    }

    private static int minOf(SimContext c) {
        return Math.max(1, c.options().minReplicas());
    }
}
