package dev.homeostat.apps.tradesignals;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of trade-signals, under {@code trade-signals.*}. */
@ConfigMapping(prefix = "trade-signals")
public interface TradeSignalsConfig {

    /** EMA period (in quotes) of the fast average. */
    @WithDefault("10")
    int fastPeriod();

    /** EMA period (in quotes) of the slow average; must exceed the fast one. */
    @WithDefault("50")
    int slowPeriod();

    /** Relative gap between the averages that counts as a crossing (0.0005 = 5 basis points). */
    @WithDefault("0.0005")
    double band();

    /** Units per order. */
    @WithDefault("100")
    long orderQuantity();

    /** Topic the orders go to (keyed by symbol, header {@code order-id}). */
    @WithDefault("orders")
    String ordersTopic();

    /** Compacted topic holding one checkpoint per symbol; created at start if missing. */
    @WithDefault("trade-signals-state")
    String stateTopic();

    /** Partitions of the state topic when the app creates it. */
    @WithDefault("3")
    int statePartitions();

    /**
     * How often state is checkpointed and processed quotes acknowledged (offsets committed after that).
     * Also bounds the orders that can be emitted twice after a crash: those of the last interval.
     */
    @WithDefault("PT0.2S")
    Duration checkpointInterval();

    /**
     * Processed records waiting for a checkpoint beyond which the app takes no new batch until a
     * checkpoint completes (back-pressure: bounds memory when checkpoints are slow or failing).
     */
    @WithDefault("50000")
    int maxUnacknowledgedRecords();

    /** Longest wait for the orders and checkpoints of one interval before the app reports itself unhealthy. */
    @WithDefault("PT3M")
    Duration checkpointTimeout();

    /** Longest wait to read the state topic when partitions are assigned. */
    @WithDefault("PT30S")
    Duration restoreTimeout();

    /** How often the per-partition consumer lag gauges are refreshed. */
    @WithDefault("PT5S")
    Duration lagInterval();

    /**
     * Longest wait for the final checkpoint at shutdown (and before a revocation). With the producers'
     * 5 s close it keeps a stop inside Kubernetes' 30 s grace, also with the broker gone.
     */
    @WithDefault("PT10S")
    Duration shutdownTimeout();
}
