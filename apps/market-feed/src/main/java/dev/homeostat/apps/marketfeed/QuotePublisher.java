package dev.homeostat.apps.marketfeed;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.marketfeed.metrics.FeedMetrics;
import dev.homeostat.apps.marketfeed.profile.Pacer;
import dev.homeostat.apps.marketfeed.profile.ProfileSpec;
import dev.homeostat.apps.marketfeed.profile.TraceDirectory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes quotes on the {@code quotes} channel at the rate of the active load profile. A single
 * scheduler thread generates; acknowledgements from the broker count records out. When too many
 * records wait for acknowledgement (broker slow or down) generation pauses instead of buffering
 * without bound, so nothing generated is dropped and the sequence has no gaps.
 */
@ApplicationScoped
public class QuotePublisher {

    private static final Logger LOG = Logger.getLogger(QuotePublisher.class);
    private static final Duration MAX_BURST = Duration.ofSeconds(1);
    /**
     * Longest wait at shutdown for outstanding acknowledgements. With the producer's own close (the
     * channel's {@code close-timeout}, 5 s) it keeps the whole stop well inside Kubernetes' 30 s grace.
     */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(8);

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final QuoteGenerator generator;
    private final TraceDirectory traces;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private volatile Pacer pacer;
    private volatile ProfileSpec activeSpec;

    QuotePublisher(@Channel("quotes") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
                   ObjectMapper mapper, FeedConfig config, FeedMetrics metrics, Clock clock) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.generator = new QuoteGenerator(config.symbols(), config.seed());
        this.traces = TraceDirectory.of(config.traceDir());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.autostart()) {
            apply(startupSpec(config.profile()));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("quote-publisher").factory());
        long tickNanos = config.tick().toNanos();
        scheduler.scheduleAtFixedRate(this::tickSafely, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        // One deadline for the whole drain, so a stalled tick cannot add its own wait to it.
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        scheduler.shutdown();
        scheduler.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        // Graceful shutdown: give the producer time to get acknowledgements for what it already holds.
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        LOG.infof("quote publisher stopped: %d generated, %d acknowledged, %d failed, %d unacknowledged",
                generator.generated(), acknowledged.get(), failed.get(), inFlight.get());
    }

    /** Switches to a new load profile, starting its clock now; invalid specs throw IllegalArgumentException. */
    public synchronized void apply(ProfileSpec spec) {
        Pacer next = new Pacer(spec.toProfile(traces), System.nanoTime(), MAX_BURST);
        pacer = next;
        activeSpec = spec;
        LOG.infof("load profile now %s", spec);
    }

    /** The active profile and counters. */
    public FeedStatus status() {
        Pacer current = pacer;
        double rate = current == null ? 0.0 : current.currentRate(System.nanoTime());
        synchronized (generator) {
            return new FeedStatus(activeSpec, rate, generator.generated(), acknowledged.get(), failed.get(),
                    inFlight.get());
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log, count and keep publishing.
            LOG.error("quote publisher tick failed", e);
            metrics.sendFailed();
        }
    }

    private void tick() {
        Pacer current = pacer;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        int due = current.due(now);
        metrics.targetRate(current.currentRate(now));
        metrics.inFlight(inFlight.get());
        if (due == 0) {
            return;
        }
        // Back-pressure: the profile's credit for this tick is forfeited, the quote sequence stays gapless.
        int allowed = (int) Math.min(due, Math.max(0, config.maxInFlight() - inFlight.get()));
        long started = System.nanoTime();
        for (int i = 0; i < allowed; i++) {
            publish();
        }
        metrics.processed(System.nanoTime() - started, allowed);
    }

    private void publish() {
        Quote quote;
        synchronized (generator) {
            quote = generator.next(clock.instant());
        }
        String json;
        try {
            json = mapper.writeValueAsString(quote);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + quote, e);
        }
        inFlight.incrementAndGet();
        Message<String> message = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(quote.symbol()).build())
                .withAck(() -> {
                    inFlight.decrementAndGet();
                    acknowledged.incrementAndGet();
                    metrics.published();
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    inFlight.decrementAndGet();
                    failed.incrementAndGet();
                    metrics.sendFailed();
                    LOG.warnf("quote %d (%s) not delivered: %s", quote.sequence(), quote.symbol(), failure.toString());
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
    }

    private static ProfileSpec startupSpec(FeedConfig.Profile profile) {
        return new ProfileSpec(profile.type(), profile.rate(), profile.fromRate(), profile.toRate(),
                profile.rampSeconds(), profile.traceFile().orElse(null), profile.secondsPerPoint(),
                profile.traceScale());
    }
}
