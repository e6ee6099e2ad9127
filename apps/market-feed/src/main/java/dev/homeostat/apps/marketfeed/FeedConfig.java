package dev.homeostat.apps.marketfeed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the market feed, under {@code market-feed.*}. */
@ConfigMapping(prefix = "market-feed")
public interface FeedConfig {

    /** Topic the quotes go to (informational: the channel's topic is {@code mp.messaging.outgoing.quotes.topic}). */
    @WithDefault("quotes")
    String topic();

    /** Instruments to quote. */
    @WithDefault("AAPL,MSFT,GOOG,AMZN,NVDA,EURUSD,GBPUSD,USDJPY")
    List<String> symbols();

    /** Seed of the quote generator: the same seed gives the same prices. */
    @WithDefault("42")
    long seed();

    /** Whether publishing starts with the application (else only after {@code PUT /profile}). */
    @WithDefault("true")
    boolean autostart();

    /** How often the publisher wakes up to send the records that are due. */
    @WithDefault("PT0.01S")
    Duration tick();

    /** Records handed to Kafka but not yet acknowledged beyond which generation pauses (back-pressure). */
    @WithDefault("5000")
    int maxInFlight();

    /**
     * The only directory trace profiles read from; {@code traceFile} names a file relative to it. Unset:
     * trace profiles are refused.
     */
    Optional<String> traceDir();

    /** The load profile at start. */
    Profile profile();

    /** Start-up load profile; see {@code ProfileSpec} for the meaning of each field. */
    interface Profile {
        /** {@code constant}, {@code ramp} or {@code trace}. */
        @WithDefault("constant")
        String type();

        /** constant: records per second. */
        @WithDefault("100")
        double rate();

        /** ramp: starting records per second. */
        @WithDefault("10")
        double fromRate();

        /** ramp: final records per second. */
        @WithDefault("1000")
        double toRate();

        /** ramp: seconds the ramp lasts. */
        @WithDefault("300")
        double rampSeconds();

        /** trace: a {@code timestamp,value} CSV relative to {@code trace-dir}, e.g. NAB's realKnownCause/nyc_taxi.csv. */
        Optional<String> traceFile();

        /** trace: wall seconds each trace point lasts. */
        @WithDefault("1")
        double secondsPerPoint();

        /** trace: records per second per unit of trace value. */
        @WithDefault("0.01")
        double traceScale();
    }
}
