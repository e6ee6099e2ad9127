package dev.homeostat.operator.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line flags of local mode.
 *
 * @param duration    stop by itself after this long; until Ctrl-C when empty
 * @param trace       load trace CSV ({@code timestamp,value}); NAB nyc_taxi or a built-in daily cycle when empty
 * @param compress    how many times faster than real time the trace is replayed
 * @param peakRate    records/s the market feed publishes at the trace's highest value
 * @param summaryJson where the end-of-run summary is also written as JSON
 * @param kubeconfig  an API server (without nodes) to use instead of the embedded one
 * @param injections  faults to inject during the run
 */
public record LocalOptions(Optional<Duration> duration, Optional<Path> trace, double compress, double peakRate,
        Optional<Path> summaryJson, Optional<Path> kubeconfig, List<Injection> injections) {

    /** Default compression: 30-minute trace points last 5 s, so a day of load passes in 4 minutes. */
    public static final double DEFAULT_COMPRESS = 360;
    /** Default peak load of the market feed, records/s. */
    public static final double DEFAULT_PEAK_RATE = 1500;

    static final String USAGE = """
            usage: java -jar operator/target/embedded/quarkus-run.jar [flags]
              --duration D        stop after D (e.g. 10m, 90s); default: until Ctrl-C
              --trace FILE        load trace CSV (timestamp,value); default NAB nyc_taxi, else a built-in daily cycle
              --compress F        replay the trace F times faster than real time (default 360)
              --peak-rate R       records/s at the trace's highest value (default 1500)
              --summary-json FILE also write the end-of-run summary as JSON
              --kubeconfig FILE   use this API server (no nodes needed) instead of the embedded one
              --inject FAULT      poison | kill-replica | broker-pause=20s | memory-leak[=1Mi] (repeatable)""";

    /** A fault to inject. */
    public sealed interface Injection {
        /** Malformed records into the stream apps' input topics. */
        record Poison() implements Injection { }
        /** One replica of a stream app killed with SIGKILL. */
        record KillReplica() implements Injection { }
        /** The broker stopped for a while, then started again on the same port and data. */
        record BrokerPause(Duration length) implements Injection { }
        /**
         * A stream app's heap fault switched on through its spec.env: {@code rate} bytes/s (e.g. {@code 1Mi}) as the
         * app's {@code HOMEOSTAT_FAULT_HEAP_GROWTH} reads it.
         */
        record MemoryLeak(String rate) implements Injection {
            /** The default rate: 1 MiB/s, which a local replica's heap notices within a minute. */
            public static final String DEFAULT_RATE = "1Mi";
        }
    }

    /** Parses the flags; an unknown flag or bad value is an {@link IllegalArgumentException} with the usage text. */
    public static LocalOptions parse(String... args) {
        Optional<Duration> duration = Optional.empty();
        Optional<Path> trace = Optional.empty();
        double compress = DEFAULT_COMPRESS;
        double peakRate = DEFAULT_PEAK_RATE;
        Optional<Path> summary = Optional.empty();
        Optional<Path> kubeconfig = Optional.empty();
        var injections = new ArrayList<Injection>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--duration" -> duration = Optional.of(duration(value));
                case "--trace" -> trace = Optional.of(Path.of(value));
                case "--compress" -> compress = positive(flag, value);
                case "--peak-rate" -> peakRate = positive(flag, value);
                case "--summary-json" -> summary = Optional.of(Path.of(value));
                case "--kubeconfig" -> kubeconfig = Optional.of(Path.of(value));
                case "--inject" -> injections.add(injection(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        return new LocalOptions(duration, trace, compress, peakRate, summary, kubeconfig, List.copyOf(injections));
    }

    /** The --kubeconfig of the flags from configuration and the command line, without checking the other flags. */
    public static Optional<Path> kubeconfigIn(Optional<String> configuredFlags, String[] args) {
        var all = new java.util.ArrayList<String>();
        configuredFlags.ifPresent(f -> all.addAll(List.of(f.trim().split("\\s+"))));
        if (args != null) {
            all.addAll(List.of(args));
        }
        Optional<Path> found = Optional.empty();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).equals("--kubeconfig") && i + 1 < all.size()) {
                found = Optional.of(Path.of(all.get(i + 1)));
            } else if (all.get(i).startsWith("--kubeconfig=")) {
                found = Optional.of(Path.of(all.get(i).substring("--kubeconfig=".length())));
            }
        }
        return found;
    }

    /** Whether a fault of this type is to be injected. */
    public boolean injects(Class<? extends Injection> type) {
        return injections.stream().anyMatch(type::isInstance);
    }

    static Injection injection(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("poison")) {
            return new Injection.Poison();
        }
        if (lower.equals("kill-replica")) {
            return new Injection.KillReplica();
        }
        if (lower.equals("memory-leak")) {
            return new Injection.MemoryLeak(Injection.MemoryLeak.DEFAULT_RATE);
        }
        if (lower.startsWith("memory-leak=")) {
            String rate = value.substring("memory-leak=".length()).trim();
            if (!rate.matches("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|k|K|M|G)?")) {
                throw new IllegalArgumentException("memory-leak needs a rate in bytes per second such as 512Ki or 2Mi, got '"
                        + rate + "'\n" + USAGE);
            }
            return new Injection.MemoryLeak(rate);
        }
        if (lower.equals("broker-pause")) {
            return new Injection.BrokerPause(Duration.ofSeconds(20));
        }
        if (lower.startsWith("broker-pause=")) {
            return new Injection.BrokerPause(duration(lower.substring("broker-pause=".length())));
        }
        throw new IllegalArgumentException("unknown fault '" + value + "'\n" + USAGE);
    }

    /** "90s", "10m", "1h", "500ms" or an ISO-8601 duration. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (e.g. 90s, 10m, 1h)");
        }
    }

    private static double positive(String flag, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(flag + " needs a positive number, was '" + value + "'");
    }
}
