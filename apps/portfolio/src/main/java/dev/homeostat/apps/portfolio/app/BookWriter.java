package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import dev.homeostat.apps.portfolio.domain.Shard;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a fill to its {@link Shard} (account × input partition) and makes the shard's new book
 * durable in the compacted state topic, keyed {@code account|topic-partition}, before the input
 * record is acknowledged (so its offset may be committed). Only the owner of the input partition
 * writes a shard, so compaction's last record per key is always the owner's latest.
 *
 * <p>A fill whose source position ({@code source}, {@code offset}) the book already holds is a
 * redelivery and is only acknowledged: positions count every fill exactly once. Book writes are
 * pipelined (at most {@value #MAX_IN_FLIGHT} in flight); the commit strategy commits an offset only
 * once every record before it is acknowledged.
 */
@ApplicationScoped
public class BookWriter {

    private static final Logger LOG = Logger.getLogger(BookWriter.class);
    private static final int MAX_IN_FLIGHT = 128;   // below the emitter's default buffer of 256

    private final Portfolio portfolio;
    private final MutinyEmitter<String> state;
    private final StreamMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The writer with its collaborators. */
    public BookWriter(Portfolio portfolio, @Channel("portfolio-state") MutinyEmitter<String> state,
                      StreamMetrics metrics) {
        this.portfolio = portfolio;
        this.state = state;
        this.metrics = metrics;
    }

    /**
     * Applies {@code fill}, read from input partition {@code input} and identified by {@code source} and
     * {@code offset}, and acknowledges {@code record} once the shard is durable; the returned Uni
     * completes at once unless too many writes are in flight.
     */
    public Uni<Void> apply(Message<?> record, Fill fill, String input, String source, long offset, long startedNanos) {
        Optional<AccountBook> updated = portfolio.apply(fill, input, source, offset);
        if (updated.isEmpty()) {
            metrics.duplicate();
            metrics.processed(System.nanoTime() - startedNanos);
            return Uni.createFrom().completionStage(record.ack());
        }
        Shard shard = new Shard(fill.account(), input);
        String key = shard.key();
        Metadata keyed = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        Metadata metadata = TracingMetadata.fromMessage(record).map(keyed::with).orElse(keyed);
        // A retry writes the shard as it is then, never an older one: compaction keeps the
        // last record per key, so a late retry of a stale book must not land after a newer one.
        Uni<Void> written = Uni.createFrom().deferred(() -> state.sendMessage(Message.of(
                        PortfolioJson.write(portfolio.shard(shard).orElse(updated.get())), metadata)))
                .onFailure().invoke(e -> LOG.warnf("book of %s not written yet, retrying: %s", key, e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .chain(() -> {
                    metrics.stateOut();
                    return Uni.createFrom().completionStage(record.ack());
                })
                .eventually(inFlight::decrementAndGet)
                .memoize().indefinitely();
        boolean mustWait = inFlight.incrementAndGet() > MAX_IN_FLIGHT;
        written.subscribe().with(done -> { }, e -> LOG.errorf(e, "fill %s left unacknowledged", fill.fillId()));
        metrics.processed(System.nanoTime() - startedNanos);
        // Books are written in the background (the producer keeps their order per key); past the limit, wait.
        return mustWait ? written : Uni.createFrom().voidItem();
    }

    /** Waits until every book write made so far is acknowledged; false if some still are after {@code timeout}. */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
