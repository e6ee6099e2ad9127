package dev.homeostat.operator.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that stands still until a test advances it, so a test says how far apart two reads were. */
public class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanos() {
        return nanos.get();
    }

    /** Moves the clock forward by {@code by}. */
    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
