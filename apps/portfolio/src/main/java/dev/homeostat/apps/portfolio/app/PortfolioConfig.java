package dev.homeostat.apps.portfolio.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of the portfolio service (prefix {@code portfolio}); defaults are documented in the README. */
@ConfigMapping(prefix = "portfolio")
public interface PortfolioConfig {

    /** How often the per-partition consumer lag gauges of the fills channel are refreshed. */
    @WithDefault("5s")
    Duration lagInterval();

    /** State topic settings. */
    State state();

    /** How trade-signals' orders are booked. */
    Orders orders();

    /** Orders from the {@code orders} topic, taken as filled at their limit price. */
    interface Orders {

        /** The account whose book receives them. */
        @WithDefault("trade-signals")
        String account();
    }

    /** The compacted topic holding one book per shard (key = {@code account|topic-partition}). */
    interface State {

        /** Topic name; must match {@code mp.messaging.outgoing.portfolio-state.topic}. */
        @WithDefault("portfolio-state")
        String topic();

        /** Poll timeout of the state reader. */
        @WithDefault("200ms")
        Duration pollTimeout();

        /** Longest wait, when input partitions are assigned, to read the state topic to its end. */
        @WithDefault("30s")
        Duration restoreTimeout();

        /** Longest wait, when input partitions are revoked, for the book writes in flight. */
        @WithDefault("10s")
        Duration handOverTimeout();

        /** Delay before the reader retries after an error (e.g. the broker is down). */
        @WithDefault("2s")
        Duration retryDelay();
    }
}
