package dev.homeostat.apps.fraud.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of the fraud-scoring app (prefix {@code fraud}); defaults are documented in the README. */
@ConfigMapping(prefix = "fraud")
public interface FraudConfig {

    /** Score at or above which a payment raises an alert. */
    @WithDefault("0.5")
    double alertThreshold();

    /** Accounts whose recent history is kept for features; the least recently active are forgotten first. */
    @WithDefault("100000")
    int maxAccounts();

    /** How often the per-partition consumer lag gauges are refreshed. */
    @WithDefault("5s")
    Duration lagInterval();

    /** The per-payment risk check that precedes scoring. */
    RiskCheck riskCheck();

    /** Model training. */
    Training training();

    /** The demo generator's REST endpoint. */
    Generator generator();

    /** Model training settings. */
    interface Training {

        /** How often a new model is fitted (read by the scheduler as {@code fraud.training.interval}). */
        @WithDefault("60s")
        Duration interval();

        /** Most labelled examples kept; the oldest are overwritten first. */
        @WithDefault("50000")
        int windowSize();

        /** Labelled examples older than this (by payment time) are not trained on. */
        @WithDefault("1h")
        Duration maxAge();

        /** No model is fitted with fewer fresh examples. */
        @WithDefault("500")
        int minExamples();

        /** No model is fitted with fewer fraud (or legitimate) examples. */
        @WithDefault("20")
        int minFrauds();

        /** Trees in the forest. */
        @WithDefault("60")
        int trees();

        /** Maximum depth of each tree. */
        @WithDefault("12")
        int maxDepth();

        /** Minimum examples per leaf. */
        @WithDefault("3")
        int nodeSize();

        /** Legitimate examples kept per fraud example when fitting (undersampling of the majority class). */
        @WithDefault("10")
        int negativesPerFraud();

        /** Seed of the undersampling and the forest's bootstrap samples. */
        @WithDefault("42")
        long seed();
    }

    /** The external risk check every payment waits for before it is scored. */
    interface RiskCheck {

        /**
         * How long each payment waits for the issuer's risk check before it is scored (0 = no check). The sample
         * ships no such service: the wait stands in for its round trip. Payments are processed one at a time, so a
         * replica handles at most about 1 / latency payments per second (e.g. 4ms: about 240/s); see docs/apps.md.
         */
        @WithDefault("0ms")
        Duration latency();
    }

    /** Demo generator settings. */
    interface Generator {

        /** Whether {@code POST /generator/payments} may publish synthetic payments to the payments topic. */
        @WithDefault("false")
        boolean enabled();
    }
}
