package dev.homeostat.apps.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A fault switch for demos and tests: a real heap leak. When the environment variable {@value #ENV} is set (a rate in
 * bytes per second, with an optional Kubernetes-style suffix: {@code 512Ki}, {@code 1Mi}, {@code 2M}), the app retains
 * that many bytes of heap per second, in 64 KiB chunks it keeps referenced, until it holds {@value #MAX_FRACTION_PERCENT}
 * % of its maximum heap ({@code -Xmx}); then it holds them (so a demo shows the operator's out-of-memory warning
 * without crashing the app). Off when the variable is absent or empty; a malformed value is an
 * {@link IllegalArgumentException} naming it, so a typo does not silently disable the fault.
 */
public final class HeapGrowthFault implements AutoCloseable {

    /** The switch: bytes per second to retain. */
    public static final String ENV = "HOMEOSTAT_FAULT_HEAP_GROWTH";
    /** Share of the maximum heap at which retention stops, in percent. */
    public static final int MAX_FRACTION_PERCENT = 60;
    private static final int CHUNK = 64 * 1024;
    private static final long TICK_MILLIS = 200;

    private final long bytesPerSecond;
    private final long limitBytes;
    private final List<byte[]> retained = new ArrayList<>();
    private long retainedBytes;
    private double owed;
    private Thread thread;

    /** A fault retaining {@code bytesPerSecond} up to {@code limitBytes}; nothing happens before {@link #start()}. */
    public HeapGrowthFault(long bytesPerSecond, long limitBytes) {
        if (bytesPerSecond <= 0 || limitBytes <= 0) {
            throw new IllegalArgumentException("bytesPerSecond and limitBytes must be > 0, got " + bytesPerSecond
                    + " and " + limitBytes);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.limitBytes = limitBytes;
    }

    /** The fault the environment asks for, limited to {@value #MAX_FRACTION_PERCENT} % of this JVM's maximum heap. */
    public static Optional<HeapGrowthFault> fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        long limit = Runtime.getRuntime().maxMemory() / 100 * MAX_FRACTION_PERCENT;
        return Optional.of(new HeapGrowthFault(parseRate(value), limit));
    }

    /** Starts the fault the environment asks for, telling {@code log} so; empty (and nothing started) when off. */
    public static Optional<HeapGrowthFault> startIfRequested(Map<String, String> env, Consumer<String> log) {
        Optional<HeapGrowthFault> fault = fromEnvironment(env);
        fault.ifPresent(f -> {
            log.accept(ENV + " is set: " + f + " (a demo fault: the heap grows until then)");
            f.start();
        });
        return fault;
    }

    /** Bytes per second from {@code 1048576}, {@code 512Ki}, {@code 1Mi}, {@code 2M}, {@code 1Gi}. */
    static long parseRate(String value) {
        String v = value.trim();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"k", "1000"}, {"K", "1000"},
                {"M", "1000000"}, {"G", "1000000000"}};
        long unit = 1;
        for (String[] s : suffixes) {
            if (v.endsWith(s[0])) {
                unit = Long.parseLong(s[1]);
                v = v.substring(0, v.length() - s[0].length());
                break;
            }
        }
        try {
            double rate = Double.parseDouble(v) * unit;
            if (!(rate >= 1) || Double.isInfinite(rate)) {
                throw new NumberFormatException();
            }
            return (long) rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " must be a rate in bytes per second such as 1048576, 512Ki or 1Mi, "
                    + "got '" + value + "'");
        }
    }

    /** Starts retaining on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Thread.ofPlatform().name("homeostat-fault-heap-growth").daemon().start(() -> {
            long last = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                grow((now - last) / (double) TimeUnit.SECONDS.toNanos(1));
                last = now;
            }
        });
    }

    /** Retains what {@code seconds} of growth add, up to the limit; returns the bytes held. */
    synchronized long grow(double seconds) {
        owed += bytesPerSecond * seconds;
        while (owed >= CHUNK && retainedBytes + CHUNK <= limitBytes) {
            byte[] chunk = new byte[CHUNK];
            // Touch every page, so the memory is really committed and not a lazily zeroed promise.
            for (int i = 0; i < CHUNK; i += 4096) {
                chunk[i] = (byte) i;
            }
            retained.add(chunk);
            retainedBytes += CHUNK;
            owed -= CHUNK;
        }
        if (retainedBytes + CHUNK > limitBytes) {
            owed = 0;
        }
        return retainedBytes;
    }

    /** Bytes held by the fault. */
    public synchronized long retainedBytes() {
        return retainedBytes;
    }

    /** The configured growth, bytes per second. */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The most the fault retains, bytes. */
    public long limitBytes() {
        return limitBytes;
    }

    /** Stops growing and lets the retained memory go. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
        retained.clear();
        retainedBytes = 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "heap-growth fault: %d bytes/s up to %d bytes", bytesPerSecond, limitBytes);
    }
}
